// Every difference between the two dialects, in one place.
import { eq, ilike, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db, Dialect } from './executor.ts';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const postgresDialect: Dialect = {
  name: 'postgres',
  contains: (column, text) => ilike(column, `%${escapeLike(text)}%`),
  async lockRow(db: Db, table: PgTable & { id: PgColumn }, id: string) {
    await db.select({ id: table.id }).from(table).where(eq(table.id, id)).for('update');
  },
};

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  // SQLite's LIKE ignores ASCII case; it has no default escape character, so name one.
  contains: (column, text) => sql`${column} like ${`%${escapeLike(text)}%`} escape '\\'`,
  async lockRow() {},
};
