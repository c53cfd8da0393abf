// Libraries and rooms for tests of library-scoped operations, made through the API itself.
import { expect } from 'vitest';
import type { TestApp } from './harness.ts';

type Account = Awaited<ReturnType<TestApp['account']>>;

export const MISSING_ID = '00000000-0000-7000-8000-000000000000';

/** A library owned by `owner`, with `members` added as plain members. */
export async function makeLibrary(
  api: TestApp,
  owner: Account,
  members: Account[] = [],
): Promise<string> {
  const created = await api.call('POST', '/api/libraries', {
    token: owner.token,
    body: { name: `Library ${Date.now()}` },
  });
  expect(created.status).toBe(200);
  const libraryId: string = created.body.data.id;
  for (const member of members) {
    const added = await api.call('POST', `/api/libraries/${libraryId}/members`, {
      token: owner.token,
      body: { user_id: member.id, role: 'member' },
    });
    expect(added.status).toBe(200);
  }
  return libraryId;
}

/** A room of `owner`, in the library when one is given. */
export async function makeRoom(
  api: TestApp,
  owner: Account,
  options: { libraryId?: string; visibility?: 'public' | 'private' } = {},
): Promise<string> {
  const base = options.libraryId ? `/api/libraries/${options.libraryId}` : '/api';
  const created = await api.call('POST', `${base}/rooms`, {
    token: owner.token,
    body: { name: `Room ${Date.now()}`, visibility: options.visibility ?? 'public' },
  });
  expect(created.status).toBe(200);
  return created.body.data.id;
}
