import type { Database } from './database.ts';
import { openPostgres } from './open-postgres.ts';
import { openSqlite } from './open-sqlite.ts';

/**
 * Opens the database at `url` and brings its schema up to date: `postgres://…` / `postgresql://…`
 * for Postgres, `file:<path>`, a plain path or `:memory:` for SQLite.
 */
export async function openDatabase(url: string): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  return openSqlite(url.replace(/^file:/, ''));
}
