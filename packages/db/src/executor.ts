// What a repository works with: a query surface, the tables of the active dialect, and a way to
// make several statements atomic. Both dialects share one repository code through this.
import type { AnyColumn, SQL } from 'drizzle-orm';
import type { PgColumn, PgDatabase, PgQueryResultHKT, PgTable } from 'drizzle-orm/pg-core';
import type * as schema from './schema/postgres.ts';

export type Tables = typeof schema;

/**
 * The query-builder surface repositories use. At run time it is the Postgres or the SQLite drizzle
 * instance (with the matching tables); repositories use only what both dialects share
 * (select / insert / update / delete, returning, onConflict…), and dialect.ts holds the rest.
 */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface Dialect {
  readonly name: 'postgres' | 'sqlite';
  /** Case-insensitive "contains" match. */
  contains(column: AnyColumn, text: string): SQL;
  /** Locks a row until the transaction ends (SQLite: every transaction is already serial). */
  lockRow(db: Db, table: PgTable & { id: PgColumn }, id: string): Promise<void>;
}

export interface Executor {
  readonly db: Db;
  /** What the current transaction did that matters after commit (outbox appends wake relays). */
  readonly journal: { appended: boolean };
  readonly t: Tables;
  readonly dialect: Dialect;
  /** Runs fn atomically: inside the current transaction when there is one, else in a new one. */
  atomic<T>(fn: (x: Executor) => Promise<T>): Promise<T>;
  /**
   * A query built once for this executor (with `sql.placeholder`s) and run many times: for hot
   * reads, where building the query costs more than running it.
   */
  prepared<Q>(key: string, build: (db: Db) => Q): Q;
}

/** A per-executor cache for `Executor.prepared`. */
export function preparedCache(db: Db): Executor['prepared'] {
  const queries = new Map<string, unknown>();
  return <Q>(key: string, build: (db: Db) => Q): Q => {
    if (!queries.has(key)) queries.set(key, build(db));
    return queries.get(key) as Q;
  };
}
