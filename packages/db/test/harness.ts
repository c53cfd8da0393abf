import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../src/index.ts';
import { openTestDatabase, testDialect } from '../src/testing.ts';

export const dialect = testDialect();

/** The database for this file's tests: opened before them, removed after them. */
export function useTestDatabase(): { readonly db: Database } {
  const handle = {} as { db: Database; dispose: () => Promise<void> };
  beforeAll(async () => Object.assign(handle, await openTestDatabase()));
  afterAll(async () => handle.dispose?.());
  return handle;
}
