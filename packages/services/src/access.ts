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
import type { Room, Session } from '@vidinfra/db';
import type { Actor } from './actor.ts';
import type { Deps } from './deps.ts';

export type ResourceKind =
  'session' | 'room' | 'preset' | 'recording' | 'poll' | 'chat_message' | 'library';

export interface ResourceAccess {
  context: ResourceContext;
  session?: Session;
  room?: Room;
  /** The library the resource belongs to (null: none). */
  libraryId: string | null;
}

const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);

export const accessService = ({ db }: Deps) => {
  async function sessionRoleOf(session: Session, room: Room, actor: Actor): Promise<SessionRole> {
    if (room.ownerId === actor.id) return 'owner';
    const role = await db.repos.sessionParticipants.roleOf(session.id, actor.id);
    if (role) return role;
    return (await db.repos.stage.find(session.id, actor.id)) ? 'participant' : 'viewer';
  }

  async function forSession(sessionId: string, actor: Actor | null): Promise<ResourceAccess> {
    const found = await db.repos.sessions.findWithRoom(sessionId);
    if (!found) throw notFound('session');
    const { session, room } = found;
    const base = { session, room, libraryId: room.libraryId };
    if (!actor) return { ...base, context: { ownerId: room.ownerId } };
    const [sessionRole, ban] = await Promise.all([
      sessionRoleOf(session, room, actor),
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

  const loaders: Record<
    ResourceKind,
    (id: string, actor: Actor | null) => Promise<ResourceAccess>
  > = {
    session: forSession,
    async room(id) {
      const room = await db.repos.rooms.findById(id);
      if (!room) throw notFound('room');
      return { room, libraryId: room.libraryId, context: { ownerId: room.ownerId } };
    },
    async preset(id) {
      const preset = await db.repos.presets.findById(id);
      if (!preset) throw notFound('preset');
      return { libraryId: preset.libraryId, context: { ownerId: preset.ownerId } };
    },
    async recording(id, actor) {
      const recording = await db.repos.recordings.findById(id);
      if (!recording) throw notFound('recording');
      const access = await forSession(recording.sessionId, actor);
      return { ...access, context: { ...access.context, ownerId: recording.ownerId } };
    },
    async poll(id, actor) {
      const poll = await db.repos.polls.findById(id);
      if (!poll) throw notFound('poll');
      return forSession(poll.sessionId, actor);
    },
    async chat_message(id, actor) {
      const message = await db.repos.chat.findById(id);
      if (!message || message.deletedAt) throw notFound('message');
      const access = await forSession(message.sessionId, actor);
      return { ...access, context: { ...access.context, authorId: message.userId } };
    },
    async library(id, actor) {
      if (!(await db.repos.libraries.findById(id))) throw notFound('library');
      const libraryRole = actor ? await db.repos.libraries.membership(id, actor.id) : null;
      return { libraryId: id, context: { libraryRole } };
    },
  };

  return {
    /**
     * The caller's standing towards the resource. Under a library scope, a resource of another
     * library (or of none) is NOT_FOUND, as if it did not exist.
     */
    async resolve(
      kind: ResourceKind,
      id: string,
      actor: Actor | null,
      scopeLibraryId: string | null,
    ): Promise<ResourceAccess> {
      const access = await loaders[kind](id, actor);
      if (scopeLibraryId && access.libraryId !== scopeLibraryId) throw notFound(kind);
      return access;
    },

    /** The caller's role in the library; NOT_FOUND when the library does not exist. */
    async libraryRole(libraryId: string, actor: Actor | null): Promise<LibraryRole | null> {
      if (!(await db.repos.libraries.findById(libraryId))) throw notFound('library');
      return actor ? db.repos.libraries.membership(libraryId, actor.id) : null;
    },

    /**
     * Applies the Caller rule `caller` to the actor on the resource (when the operation has one),
     * inside a library scope when `libraryId` is set (members only; admins too). Throws
     * UNAUTHORIZED / FORBIDDEN / BANNED / NOT_FOUND; returns the resolved resource.
     */
    async authorize(request: {
      caller: Caller;
      actor: Actor | null;
      resource?: { kind: ResourceKind; id: string };
      libraryId?: string | null;
    }): Promise<ResourceAccess | null> {
      const { caller, actor, resource, libraryId = null } = request;
      const signedIn = actor && { userId: actor.id, accountRole: actor.role, disabled: false };
      if (libraryId) {
        const member = canCall('member', signedIn, {
          libraryRole: await this.libraryRole(libraryId, actor),
        });
        if (!member.ok && actor?.role !== 'admin') {
          throw new DomainError(member.code, 'only members of this library may do this');
        }
      }
      const access = resource
        ? await this.resolve(resource.kind, resource.id, actor, libraryId)
        : null;
      const check = canCall(caller, signedIn, access?.context);
      if (!check.ok) throw new DomainError(check.code);
      if (!actor && access?.room?.visibility === 'private') {
        throw new DomainError('UNAUTHORIZED', 'sign in to see an unlisted room');
      }
      return access;
    },
  };
};

export type AccessService = ReturnType<typeof accessService>;
