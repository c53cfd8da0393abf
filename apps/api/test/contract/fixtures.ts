// The world a row needs, built straight through the repositories and services (no HTTP): the
// people (one account per role, shared by the whole file) and, per call that changes state, a
// fresh room + session (+ preset, playback) with the staff, stage and ban relations in place.
import type { Database, Preset, Room, Session } from '@vidinfra/db';
import { newId } from '@vidinfra/db';
import {
  CreatePresetRequest,
  type SessionSettingsPatch,
  type SessionStatus,
  type Visibility,
} from '@vidinfra/domain';
import type { Actor, Services } from '@vidinfra/services';
import type { TestApp } from '../harness.ts';
import { ACCOUNT_ROLE, SIGNED_IN_ROLES, type SignedInRole } from './roles.ts';

export interface Person {
  id: string;
  email: string;
  displayName: string;
  token: string;
  actor: Actor;
}

export type People = Record<SignedInRole, Person>;

export interface Shared {
  people: People;
  /** The library the library world lives in: owned by libOwner, `member` is a member. */
  libraryId: string;
  /** Another library (owned by `host`): its resources are "of another library". */
  otherLibraryId: string;
}

/** `own`: the shared library (owned by libOwner); `other`: another library; null: none. */
export type LibraryChoice = 'own' | 'other' | null;

export interface WorldOptions {
  status?: SessionStatus;
  visibility?: Visibility;
  library?: LibraryChoice;
  /** Also a preset of the owner. */
  preset?: boolean;
  /** Also a default (live) playback of the session. */
  playback?: boolean;
  /** Session settings other than the defaults (chat off, a smaller stage…). */
  settings?: SessionSettingsPatch;
}

export interface World {
  libraryId: string | null;
  owner: Person;
  room: Room;
  session: Session;
  preset: Preset | null;
}

const MINUTE = 60_000;

export const actorOf = (
  person: { id: string; displayName: string; email: string },
  role: Actor['role'],
): Actor => ({
  id: person.id,
  role,
  displayName: person.displayName,
  email: person.email,
});

/** One signed-in account per role, and the two libraries. */
export async function createShared(api: TestApp): Promise<Shared> {
  const people = {} as People;
  for (const role of SIGNED_IN_ROLES) {
    const account = await api.account(ACCOUNT_ROLE[role], `Contract ${role}`);
    const displayName = `Contract ${role}`;
    people[role] = {
      id: account.id,
      email: account.email,
      displayName,
      token: account.token,
      actor: actorOf({ ...account, displayName }, ACCOUNT_ROLE[role]),
    };
  }
  const { repos } = api.db;
  const library = await repos.libraries.create('Contract library', people.libOwner.id);
  await repos.libraries.putMember(library.id, people.member.id, 'member');
  const other = await repos.libraries.create('Another library', people.host.id);
  return { people, libraryId: library.id, otherLibraryId: other.id };
}

const STAMPS: Record<SessionStatus, (now: Date) => Partial<Session>> = {
  scheduled: () => ({}),
  backstage: (now) => ({ startedAt: now }),
  live: (now) => ({ startedAt: now, liveAt: now }),
  ended: (now) => ({ startedAt: now, liveAt: now, endedAt: now }),
};

/** A room and a session in it, with a cohost, a moderator, a stage guest and a banned viewer. */
export async function buildWorld(
  api: TestApp,
  shared: Shared,
  options: WorldOptions = {},
): Promise<World> {
  const { status = 'scheduled', visibility = 'public', library = null } = options;
  const { people } = shared;
  const owner =
    library === 'own' ? people.libOwner : library === 'other' ? people.host : people.owner;
  const libraryId =
    library === 'own' ? shared.libraryId : library === 'other' ? shared.otherLibraryId : null;
  const { room, session } = await api.db.transaction(async (repos) => {
    const room = await repos.rooms.create({
      ownerId: owner.id,
      libraryId,
      name: `Contract room ${newId().slice(-12)}`,
      description: null,
      visibility,
    });
    const created = await repos.sessions.create({
      roomId: room.id,
      title: 'Contract session',
      description: null,
      scheduledAt: new Date(Date.now() + 60 * MINUTE),
      presetId: null,
      settings: options.settings ?? {},
    });
    const session =
      status === 'scheduled'
        ? created
        : await repos.sessions.transition(
            created.id,
            ['scheduled'],
            status,
            STAMPS[status](new Date()),
          );
    if (!session) throw new Error(`the fixture session could not be made ${status}`);
    await repos.sessionParticipants.put(session.id, people.cohost.id, 'cohost');
    await repos.sessionParticipants.put(session.id, people.moderator.id, 'moderator');
    await repos.stage.add({
      sessionId: session.id,
      userId: people.stage.id,
      canPublishAudio: true,
      canPublishVideo: true,
      canPublishScreen: false,
      source: 'direct',
      addedBy: owner.id,
    });
    await repos.bans.create({
      roomId: room.id,
      sessionId: session.id,
      userId: people.banned.id,
      scope: 'session',
      reason: 'contract fixture',
      expiresAt: null,
      createdBy: owner.id,
    });
    return { room, session };
  });
  const world: World = { libraryId, owner, room, session, preset: null };
  if (options.preset) world.preset = await presetOf(api.services, world);
  if (options.playback) await playbackOf(api.db, world);
  return world;
}

/** A preset of the world's owner (in the world's library). */
export async function presetOf(
  services: Services,
  world: World,
  name = 'Contract preset',
): Promise<Preset> {
  const created = await services.presets.create(
    world.libraryId,
    world.owner.actor,
    CreatePresetRequest.parse({ name }),
  );
  const preset = await services.deps.db.repos.presets.findById(created.id);
  if (!preset) throw new Error('the preset fixture was not stored');
  return preset;
}

/** Makes a live default playback for the world's session. */
export async function playbackOf(db: Database, world: World) {
  const playback = await db.repos.playbacks.create({
    sessionId: world.session.id,
    recordingId: null,
    kind: 'live',
    signed: false,
    allowedDomains: [],
    createdBy: world.owner.id,
  });
  return db.repos.playbacks.setDefault(playback.id);
}

/** A new account that is nobody yet (the target of admin and membership operations). */
export async function newPerson(api: TestApp, role: Actor['role'] = 'viewer'): Promise<Person> {
  const displayName = 'Contract target';
  const user = await api.db.repos.users.create({
    email: `target-${newId()}@example.test`,
    passwordHash: null,
    displayName,
    role,
  });
  const actor = actorOf({ id: user.id, displayName, email: user.email! }, role);
  const { code } = await api.services.auth.generateCode(actor);
  const auth = await api.services.auth.exchangeCode({ code });
  return { id: user.id, email: user.email!, displayName, token: auth.access_token, actor };
}

/** A fresh refresh token of the person (no password hashing: a code hand-off). */
export async function freshRefreshToken(services: Services, person: Person): Promise<string> {
  const { code } = await services.auth.generateCode(person.actor);
  return (await services.auth.exchangeCode({ code })).refresh_token;
}
