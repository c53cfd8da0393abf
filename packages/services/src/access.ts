// Resolves who the caller is to a resource (owner, session role, banned, on stage, library role)
// and decides the contract's Caller rule on it with the domain's canCall: the one place where
// access is checked, for the API's operations and the realtime gateway's actions alike.
import {
  canCall,
  DomainError,
  type Caller,
  type LibraryRole,
  type ResourceContext,
  type SessionRole,
} from '@vidinfra/domain';
import type {
  ChatMessage,
  Library,
  PollWithOptions,
  Preset,
  Recording,
  Room,
  Session,
} from '@vidinfra/db';
import type { Actor } from './actor.ts';
import type { Deps } from './deps.ts';
import { sessionRoleOf } from './session-facts.ts';

/** A session with its room, as loaded for an operation on it. */
export interface LoadedSession {
  session: Session;
  room: Room;
}

/** What every resolved resource says: the caller's standing and the library it belongs to. */
interface Standing {
  context: ResourceContext;
  /** The library the resource belongs to (null: none). */
  libraryId: string | null;
}

/** A session (and its room) as the caller stands to it. */
export interface SessionAccess extends LoadedSession, Standing {
  /** Viewers connected when the session was loaded (open attendance intervals). */
  viewers: number;
}
export interface RoomAccess extends Standing {
  room: Room;
}
export interface PresetAccess extends Standing {
  preset: Preset;
}
/** A recording with its session; `context.ownerId` is the recording's owner. */
export interface RecordingAccess extends SessionAccess {
  recording: Recording;
}
export interface PollAccess extends SessionAccess {
  poll: PollWithOptions;
}
/** A chat message with its session; `context.authorId` is its author. */
export interface ChatMessageAccess extends SessionAccess {
  message: ChatMessage;
}
export interface LibraryAccess extends Standing {
  library: Library;
  libraryId: string;
  /** The caller's role in the library (null: not a member). */
  role: LibraryRole | null;
}

/** A library as one of its members stands to it (the `member` and `library_owner` rules). */
export interface MemberLibraryAccess extends LibraryAccess {
  role: LibraryRole;
}

/** Each kind of resource an operation can be about, and what resolving it gives. */
export interface ResourceAccessByKind {
  session: SessionAccess;
  room: RoomAccess;
  preset: PresetAccess;
  recording: RecordingAccess;
  poll: PollAccess;
  chat_message: ChatMessageAccess;
  library: LibraryAccess;
}

export type ResourceKind = keyof ResourceAccessByKind;
export type ResourceAccess<K extends ResourceKind = ResourceKind> = ResourceAccessByKind[K];

type Loaders = {
  [K in ResourceKind]: (id: string, actor: Actor | null) => Promise<ResourceAccessByKind[K]>;
};

export interface AuthorizeRequest {
  caller: Caller;
  actor: Actor | null;
  resource?: { kind: ResourceKind; id: string };
  libraryId?: string | null;
}

const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);

export const accessService = ({ db }: Deps) => {
  /** The actor's role in the session, reading no more than it needs. */
  async function roleIn({ session, room }: LoadedSession, actor: Actor): Promise<SessionRole> {
    if (room.ownerId === actor.id) return 'owner';
    const role = await db.repos.sessionParticipants.roleOf(session.id, actor.id);
    const onStage = !role && (await db.repos.stage.find(session.id, actor.id)) !== null;
    return sessionRoleOf(room, actor.id, role, onStage);
  }

  async function forSession(sessionId: string, actor: Actor | null): Promise<SessionAccess> {
    const found = await db.repos.sessions.findWithRoom(sessionId);
    if (!found) throw notFound('session');
    const { session, room, viewers } = found;
    const base = { session, room, viewers, libraryId: room.libraryId };
    if (!actor) return { ...base, context: { ownerId: room.ownerId } };
    const [sessionRole, ban] = await Promise.all([
      roleIn(found, actor),
      db.repos.bans.activeFor(actor.id, { sessionId: session.id, roomId: room.id }),
    ]);
    return {
      ...base,
      context: {
        ownerId: room.ownerId,
        sessionRole,
        banned: ban !== null,
        onStage: sessionRole === 'participant',
      },
    };
  }

  const loaders: Loaders = {
    session: forSession,
    async room(id) {
      const room = await db.repos.rooms.findById(id);
      if (!room) throw notFound('room');
      return { room, libraryId: room.libraryId, context: { ownerId: room.ownerId } };
    },
    async preset(id) {
      const preset = await db.repos.presets.findById(id);
      if (!preset) throw notFound('preset');
      return { preset, libraryId: preset.libraryId, context: { ownerId: preset.ownerId } };
    },
    async recording(id, actor) {
      const recording = await db.repos.recordings.findById(id);
      if (!recording) throw notFound('recording');
      const access = await forSession(recording.sessionId, actor);
      return { ...access, recording, context: { ...access.context, ownerId: recording.ownerId } };
    },
    async poll(id, actor) {
      const poll = await db.repos.polls.findById(id);
      if (!poll) throw notFound('poll');
      return { ...(await forSession(poll.sessionId, actor)), poll };
    },
    async chat_message(id, actor) {
      const message = await db.repos.chat.findById(id);
      if (!message || message.deletedAt) throw notFound('message');
      const access = await forSession(message.sessionId, actor);
      return { ...access, message, context: { ...access.context, authorId: message.userId } };
    },
    async library(id, actor) {
      const library = await db.repos.libraries.findById(id);
      if (!library) throw notFound('library');
      const role = actor ? await db.repos.libraries.membership(id, actor.id) : null;
      return { library, libraryId: id, role, context: { libraryRole: role } };
    },
  };

  /**
   * The caller's standing towards the resource. Under a library scope, a resource of another
   * library (or of none) is NOT_FOUND, as if it did not exist.
   */
  async function resolve<K extends ResourceKind>(
    kind: K,
    id: string,
    actor: Actor | null,
    scopeLibraryId: string | null,
  ): Promise<ResourceAccess<K>> {
    const load: Loaders[K] = loaders[kind];
    const access = await load(id, actor);
    if (scopeLibraryId && access.libraryId !== scopeLibraryId) throw notFound(kind);
    return access;
  }

  /** The caller's role in the library; NOT_FOUND when the library does not exist. */
  async function libraryRole(libraryId: string, actor: Actor | null): Promise<LibraryRole | null> {
    if (!(await db.repos.libraries.findById(libraryId))) throw notFound('library');
    return actor ? db.repos.libraries.membership(libraryId, actor.id) : null;
  }

  /**
   * Applies the Caller rule `caller` to the actor on the resource (when the operation has one),
   * inside a library scope when `libraryId` is set (members only; admins too). Throws
   * UNAUTHORIZED / FORBIDDEN / BANNED / NOT_FOUND; returns the resolved resource (null: none).
   */
  async function authorize<K extends ResourceKind>(
    request: AuthorizeRequest & { resource: { kind: K; id: string } },
  ): Promise<ResourceAccess<K>>;
  async function authorize(request: AuthorizeRequest): Promise<ResourceAccess | null>;
  async function authorize(request: AuthorizeRequest): Promise<ResourceAccess | null> {
    const { caller, actor, resource, libraryId = null } = request;
    const signedIn = actor && { userId: actor.id, accountRole: actor.role, disabled: false };
    if (libraryId) {
      const member = canCall('member', signedIn, {
        libraryRole: await libraryRole(libraryId, actor),
      });
      if (!member.ok && actor?.role !== 'admin') {
        throw new DomainError(member.code, 'only members of this library may do this');
      }
    }
    const access = resource ? await resolve(resource.kind, resource.id, actor, libraryId) : null;
    const check = canCall(caller, signedIn, access?.context);
    if (!check.ok) throw new DomainError(check.code);
    if (!actor && access && 'room' in access && access.room.visibility === 'private') {
      throw new DomainError('UNAUTHORIZED', 'sign in to see an unlisted room');
    }
    return access;
  }

  return { resolve, authorize };
};

export type AccessService = ReturnType<typeof accessService>;
