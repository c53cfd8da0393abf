// Opens a fresh database for one test file on the dialect the run is for: SQLite in a temporary
// file, or a Postgres database of its own at DATABASE_URL, dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { newId, openDatabase, type Database } from '../src/index.ts';

export const dialect = (process.env.DB_DIALECT ?? 'sqlite') as 'sqlite' | 'postgres';
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function openFresh(): Promise<{ db: Database; dispose: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'vidinfra-db-'));
    const db = await openDatabase(`file:${join(dir, 'test.sqlite')}`);
    return {
      db,
      dispose: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `vidinfra_test_${newId().replace(/-/g, '')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase(url.toString());
  return {
    db,
    dispose: async () => {
      await db.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** The database for this file's tests: opened before them, removed after them. */
export function useTestDatabase(): { readonly db: Database } {
  const handle = {} as { db: Database; dispose: () => Promise<void> };
  beforeAll(async () => Object.assign(handle, await openFresh()));
  afterAll(async () => handle.dispose?.());
  return handle;
}
