// A session with one account per session role, written straight through the repositories (the
// engagement tests do not depend on the sessions operations), and helpers to check replies and
// the outbox.
import type { SessionSettingsPatch } from '@vidinfra/domain';
import { sessionChannel, staffChannel, userChannel } from '@vidinfra/domain';
import { expect } from 'vitest';
import type { Reply, TestApp } from './harness.ts';

export type Account = Awaited<ReturnType<TestApp['account']>>;

export interface Cast {
  sessionId: string;
  roomId: string;
  /** The room's owner (a host account). */
  owner: Account;
  cohost: Account;
  moderator: Account;
  viewer: Account;
  /** A platform admin with no role in the session. */
  admin: Account;
}

export async function makeSession(
  api: TestApp,
  ownerId: string,
  options: { settings?: SessionSettingsPatch; roomId?: string; libraryId?: string } = {},
) {
  const roomId =
    options.roomId ??
    (
      await api.db.repos.rooms.create({
        ownerId,
        libraryId: options.libraryId ?? null,
        name: 'Engagement room',
        visibility: 'public',
      })
    ).id;
  const session = await api.db.repos.sessions.create({
    roomId,
    title: 'Q&A',
    scheduledAt: new Date(Date.now() + 3_600_000),
    settings: options.settings ?? {},
  });
  return { sessionId: session.id, roomId };
}

/** A fresh session with its owner, a cohost, a moderator, a viewer and an admin. */
export async function cast(
  api: TestApp,
  options: { settings?: SessionSettingsPatch; libraryId?: string } = {},
): Promise<Cast> {
  const owner = await api.account('host', 'Owner');
  const { sessionId, roomId } = await makeSession(api, owner.id, options);
  const [cohost, moderator, viewer, admin] = await Promise.all([
    api.account('host', 'Cohost'),
    api.account('viewer', 'Moderator'),
    api.account('viewer', 'Viewer'),
    api.account('admin', 'Admin'),
  ]);
  await api.db.repos.sessionParticipants.put(sessionId, cohost.id, 'cohost');
  await api.db.repos.sessionParticipants.put(sessionId, moderator.id, 'moderator');
  return { sessionId, roomId, owner, cohost, moderator, viewer, admin };
}

/** Asserts the reply is a failure envelope with this status and machine code. */
export function expectError(reply: Reply, status: number, code: string): void {
  expect({
    status: reply.status,
    success: reply.body.success,
    code: reply.body.error?.code,
  }).toEqual({ status, success: false, code });
}

/** Asserts a success envelope and gives its data. */
export function ok<T = any>(reply: Reply<T>): T {
  expect({ status: reply.status, error: reply.body.error }).toEqual({
    status: 200,
    error: undefined,
  });
  return reply.body.data as T;
}

const CHANNELS = { session: sessionChannel, staff: staffChannel, user: userChannel };

/** The events recorded on a channel, oldest first. */
export async function events(
  api: TestApp,
  kind: keyof typeof CHANNELS,
  id: string,
): Promise<{ id: number; event: string; payload: any }[]> {
  const rows = await api.db.repos.outbox.since(CHANNELS[kind](id), 0, 10_000);
  return rows.map((row) => ({ id: row.id, event: row.event, payload: row.payload }));
}

/** The names of the events recorded on a channel, oldest first. */
export const eventNames = async (api: TestApp, kind: keyof typeof CHANNELS, id: string) =>
  (await events(api, kind, id)).map((e) => e.event);

export const MISSING_ID = '00000000-0000-7000-8000-000000000000';
