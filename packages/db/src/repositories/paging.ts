import { count, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../executor.ts';

export interface PageRequest {
  page: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

export const offsetOf = ({ page, limit }: PageRequest) => (page - 1) * limit;

export async function countRows(db: Db, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return Number(row?.n ?? 0);
}

/** Runs the page query and the count together and shapes the contract's list body. */
export async function paged<T>(
  request: PageRequest,
  items: Promise<T[]>,
  total: Promise<number>,
): Promise<Page<T>> {
  const [rows, n] = await Promise.all([items, total]);
  return { items: rows, total: n, page: request.page, limit: request.limit };
}
