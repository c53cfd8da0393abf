import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { sqliteDialect } from './dialect.ts';
import { preparedCache, type Db, type Executor } from './executor.ts';
import { type Database, assembleDatabase } from './database.ts';
import * as schema from './schema/sqlite.ts';

const migrationsFolder = fileURLToPath(new URL('../migrations/sqlite', import.meta.url));
const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares a statement for every query it runs; preparing is a good part of a simple
 * read's cost. The same SQL text reuses one statement (reset to plain rows: drizzle switches
 * readers to raw mode itself when it wants arrays).
 */
function cacheStatements(client: BetterSqlite3.Database) {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => {
    const cached = statements.get(source);
    if (cached) return cached.reader ? cached.raw(false) : cached;
    const statement = prepare(source);
    if (statements.size < STATEMENT_CACHE_SIZE) statements.set(source, statement);
    return statement;
  }) as typeof client.prepare;
}

/**
 * A second, read-only connection to the same file. In WAL mode it sees every committed
 * transaction and none in progress, so single-statement reads run on it at once instead of
 * queueing behind writers (see `readOnly`).
 */
function openReader(file: string, tables: Executor['t']) {
  const client = new BetterSqlite3(file, { readonly: true });
  client.pragma('busy_timeout = 5000');
  cacheStatements(client);
  const db = drizzle(client) as unknown as Db;
  const executor: Executor = {
    db,
    t: tables,
    dialect: sqliteDialect,
    journal: { appended: false },
    atomic: () => Promise.reject(new Error('the read connection runs no transactions')),
    prepared: preparedCache(db),
  };
  return { client, executor };
}

/**
 * One connection, one transaction at a time. better-sqlite3 is synchronous and its own
 * transaction helper cannot span an `await`, so a transaction here is BEGIN IMMEDIATE … COMMIT
 * behind a queue: while one runs, no other transaction or statement reaches the connection,
 * so two requests never interleave inside one, and none sees another's partial writes.
 */
export function openSqlite(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const client = new BetterSqlite3(file);
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = NORMAL');
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  cacheStatements(client);
  const drizzleDb = drizzle(client);
  migrate(drizzleDb, { migrationsFolder });

  const db = drizzleDb as unknown as Db;
  const tables = schema as unknown as Executor['t'];
  // '' (a temporary database) and ':memory:' live in this connection only.
  const reader = file === ':memory:' || file === '' ? null : openReader(file, tables);
  const x: Executor = {
    db,
    t: tables,
    dialect: sqliteDialect,
    journal: { appended: false },
    atomic: (fn) => fn(x),
    prepared: preparedCache(db),
  };
  let queue: Promise<unknown> = Promise.resolve();

  const begin = <T>(fn: (x: Executor) => Promise<T>): Promise<T> => {
    const run = async () => {
      client.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(x);
        client.exec('COMMIT');
        return result;
      } catch (error) {
        if (client.inTransaction) client.exec('ROLLBACK');
        throw error;
      }
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };

  return assembleDatabase({
    dialect: 'sqlite',
    // Every autocommit call is a transaction of its own, so it waits its turn in the queue.
    autocommit: { ...x, atomic: begin },
    serializeAutocommit: true,
    ...(reader && { reader: reader.executor }),
    begin,
    ping: async () => {
      client.prepare('select 1').get();
    },
    close: async () => {
      await queue;
      reader?.client.close();
      client.close();
    },
  });
}
