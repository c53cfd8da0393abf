import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { sqliteDialect } from './dialect.ts';
import type { Db, Executor } from './executor.ts';
import { type Database, assembleDatabase } from './database.ts';
import * as schema from './schema/sqlite.ts';

const migrationsFolder = fileURLToPath(new URL('../migrations/sqlite', import.meta.url));

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
  const drizzleDb = drizzle(client);
  migrate(drizzleDb, { migrationsFolder });

  const db = drizzleDb as unknown as Db;
  const tables = schema as unknown as Executor['t'];
  const x: Executor = { db, t: tables, dialect: sqliteDialect, atomic: (fn) => fn(x) };
  const insideTransaction = new AsyncLocalStorage<true>();
  let queue: Promise<unknown> = Promise.resolve();

  const begin = <T>(fn: (x: Executor) => Promise<T>): Promise<T> => {
    if (insideTransaction.getStore()) {
      return Promise.reject(
        new Error('nested transaction: use the repositories passed to the callback'),
      );
    }
    const run = async () => {
      client.exec('BEGIN IMMEDIATE');
      try {
        const result = await insideTransaction.run(true, () => fn(x));
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
    begin,
    ping: async () => {
      client.prepare('select 1').get();
    },
    close: async () => {
      await queue;
      client.close();
    },
  });
}
