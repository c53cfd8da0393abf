import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { postgresDialect } from './dialect.ts';
import { preparedCache, type Db, type Executor } from './executor.ts';
import { type Database, assembleDatabase } from './database.ts';
import * as schema from './schema/postgres.ts';

const migrationsFolder = fileURLToPath(new URL('../migrations/postgres', import.meta.url));

export async function openPostgres(
  url: string,
  options: { poolSize?: number } = {},
): Promise<Database> {
  const client = postgres(url, { max: options.poolSize ?? 10, onnotice: () => {} });
  const root = drizzle(client) as unknown as Db;
  await migrate(drizzle(client), { migrationsFolder });

  const inTransaction = (db: Db): Executor => {
    const x: Executor = {
      db,
      t: schema,
      dialect: postgresDialect,
      journal: { appended: false },
      atomic: (fn) => fn(x),
      prepared: preparedCache(db),
    };
    return x;
  };
  const begin = <T>(fn: (x: Executor) => Promise<T>) =>
    root.transaction((tx) => fn(inTransaction(tx)));
  const autocommit: Executor = {
    db: root,
    t: schema,
    dialect: postgresDialect,
    journal: { appended: false },
    atomic: begin,
    prepared: preparedCache(root),
  };

  return assembleDatabase({
    dialect: 'postgres',
    autocommit,
    begin,
    ping: async () => {
      await root.execute(sql`select 1`);
    },
    close: () => client.end({ timeout: 5 }),
  });
}
