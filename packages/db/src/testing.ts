// A fresh database for a test file on the dialect the run is for: SQLite in a temporary file, or
// a Postgres database of its own at DATABASE_URL, dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { Database } from './database.ts';
import { newId } from './ids.ts';
import { openDatabase } from './open.ts';

export type TestDialect = 'sqlite' | 'postgres';

export const testDialect = (): TestDialect =>
  process.env.DB_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

export async function openTestDatabase(
  dialect: TestDialect = testDialect(),
): Promise<{ db: Database; url: string; dispose: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'vidinfra-db-'));
    const url = `file:${join(dir, 'test.sqlite')}`;
    const db = await openDatabase(url);
    return {
      db,
      url,
      dispose: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `vidinfra_test_${newId().replace(/-/g, '')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase(url.toString());
  return {
    db,
    url: url.toString(),
    dispose: async () => {
      await db.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
