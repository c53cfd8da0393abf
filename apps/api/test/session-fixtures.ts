// Rooms, sessions and the people around them, for the sessions and participants tests: made
// through the API where the API makes them, through the repositories for what other areas own.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionStatus } from '@vidinfra/domain';
import { localMediaBackend, type MediaBackend } from '@vidinfra/services';
import { expect } from 'vitest';
import type { TestApp } from './harness.ts';

export type Account = Awaited<ReturnType<TestApp['account']>>;

export const MISSING_ID = '00000000-0000-7000-8000-000000000000';

/** A media backend that reports itself unavailable (every media operation is a 503). */
export const unavailableMedia = (): MediaBackend => ({
  ...localMediaBackend({
    publicUrl: 'http://vidinfra.test',
    apiKey: 'devkey',
    apiSecret: 'test-media-secret-test-media-secret',
    dataDir: join(tmpdir(), 'vidinfra-media-unused'),
  }),
  available: async () => false,
});

/** An ISO time `minutes` from now. */
export const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

export async function createRoom(
  api: TestApp,
  owner: Account,
  options: { libraryId?: string; visibility?: 'public' | 'private' } = {},
): Promise<string> {
  const base = options.libraryId ? `/api/libraries/${options.libraryId}` : '/api';
  const created = await api.call('POST', `${base}/rooms`, {
    token: owner.token,
    body: { name: 'Room', visibility: options.visibility ?? 'public' },
  });
  expect(created.status).toBe(200);
  return created.body.data.id;
}

export async function createSession(
  api: TestApp,
  owner: Account,
  roomId: string,
  body: Record<string, unknown> = {},
): Promise<string> {
  const created = await api.call('POST', `/api/rooms/${roomId}/sessions`, {
    token: owner.token,
    body: { title: 'Weekly town hall', scheduled_at: later(60), ...body },
  });
  expect(created.status, JSON.stringify(created.body.error)).toBe(200);
  return created.body.data.id;
}

/** The lifecycle in order: each status and the operation that leaves it for the next. */
const LIFECYCLE: [SessionStatus, string][] = [
  ['scheduled', 'start'],
  ['backstage', 'go_live'],
  ['live', 'end'],
];

/** Moves the session forward to `status` through the lifecycle operations, as `owner`. */
export async function moveTo(
  api: TestApp,
  owner: Account,
  sessionId: string,
  status: SessionStatus,
) {
  const current = (await api.db.repos.sessions.findById(sessionId))!.status;
  if (current === status) return;
  const from = LIFECYCLE.findIndex(([s]) => s === current);
  const to = LIFECYCLE.findIndex(([s]) => s === status);
  for (const [, step] of LIFECYCLE.slice(from, to === -1 ? undefined : to)) {
    const moved = await api.call('POST', `/api/sessions/${sessionId}/${step}`, {
      token: owner.token,
    });
    expect(moved.status, `${step}: ${JSON.stringify(moved.body.error)}`).toBe(200);
  }
}

/** A room owner with a public room and a scheduled session in it. */
export async function ownedSession(api: TestApp, status: SessionStatus = 'scheduled') {
  const owner = await api.account('host');
  const roomId = await createRoom(api, owner);
  const sessionId = await createSession(api, owner, roomId);
  await moveTo(api, owner, sessionId, status);
  return { owner, roomId, sessionId };
}

export type Role = 'owner' | 'cohost' | 'moderator' | 'admin' | 'viewer' | 'stage' | 'banned';

/** Everyone who can stand in some relation to one session. */
export async function cast(api: TestApp, status: SessionStatus = 'scheduled') {
  const world = await ownedSession(api, status);
  const { sessionId, roomId, owner } = world;
  const [cohost, moderator, admin, viewer, stage, banned, otherHost] = await Promise.all([
    api.account('host', 'Co Host'),
    api.account('viewer', 'Mod Erator'),
    api.account('admin'),
    api.account('viewer'),
    api.account('viewer', 'On Stage'),
    api.account('viewer'),
    api.account('host'),
  ]);
  await api.db.repos.sessionParticipants.put(sessionId, cohost.id, 'cohost');
  await api.db.repos.sessionParticipants.put(sessionId, moderator.id, 'moderator');
  await api.db.repos.stage.add({
    sessionId,
    userId: stage.id,
    canPublishAudio: true,
    canPublishVideo: true,
    canPublishScreen: false,
    source: 'direct',
    addedBy: owner.id,
  });
  await api.db.repos.bans.create({
    roomId,
    sessionId,
    userId: banned.id,
    scope: 'session',
    createdBy: owner.id,
  });
  const people = { owner, cohost, moderator, admin, viewer, stage, banned, otherHost };
  return { ...world, people };
}

/** The events recorded on the session's channel, in order. */
export async function sessionEvents(api: TestApp, sessionId: string) {
  return api.db.repos.outbox.since(`session:${sessionId}`, 0, 100);
}

export const eventNames = async (api: TestApp, sessionId: string) =>
  (await sessionEvents(api, sessionId)).map((e) => e.event);

/** The video grant of a LiveKit access token (its payload, not its signature). */
export function grantOf(token: string): {
  sub: string;
  exp: number;
  video: {
    room: string;
    roomJoin: boolean;
    canPublish: boolean;
    canSubscribe: boolean;
    hidden?: boolean;
    canPublishSources?: string[];
  };
} {
  const payload = token.split('.')[1]!;
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

/** Expects an error envelope with this status and code. */
export function expectError(
  reply: { status: number; body: { success: boolean; error?: { code: string } } },
  status: number,
  code?: string,
) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(reply.body.success).toBe(false);
  if (code) expect(reply.body.error?.code).toBe(code);
}
