// Who may publish into a session through the local ingest, asked when a publisher connects: the
// media token proves who they are, but it was issued earlier, so the session's state and the
// user's standing are read again now (ended since, co-host removed, banned).
import { Id, isDomainError } from '@vidinfra/domain';
import { INGEST_CLOSE_CODES } from '@vidinfra/media';
import { accessService, type SessionAccess } from '../access.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';

const { FORBIDDEN, UNKNOWN_SESSION, ENDED } = INGEST_CLOSE_CODES;
type RefusalCode = typeof FORBIDDEN | typeof UNKNOWN_SESSION | typeof ENDED;

/** The ingest's answer: admitted, or the WebSocket close code and reason it refuses with. */
export type PublisherAdmission = { ok: true } | { ok: false; code: RefusalCode; reason: string };

const refuse = (code: RefusalCode, reason: string): PublisherAdmission => ({
  ok: false,
  code,
  reason,
});

export const publisherAdmission = (deps: Deps) => {
  const { db } = deps;
  const access = accessService(deps);

  /** The session as the host side sees it, or why the actor is not the host side of one. */
  async function asHostSide(
    sessionId: string,
    actor: Actor,
  ): Promise<SessionAccess | PublisherAdmission> {
    try {
      return await access.authorize({
        caller: 'host_side',
        actor,
        resource: { kind: 'session', id: sessionId },
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'NOT_FOUND') return refuse(UNKNOWN_SESSION, 'no such session');
      return refuse(FORBIDDEN, 'only the host side may publish');
    }
  }

  return {
    /**
     * Admits the host side (owner, co-hosts, admins) of a live session, unless banned from it:
     * 4404 no such session or not live (yet), 4410 ended, 4403 anyone else.
     */
    async admitPublisher(sessionId: string, userId: string): Promise<PublisherAdmission> {
      if (!Id.safeParse(sessionId).success) return refuse(UNKNOWN_SESSION, 'no such session');
      const user = Id.safeParse(userId).success ? await db.repos.users.findById(userId) : null;
      if (!user || user.disabled) return refuse(FORBIDDEN, 'not an account that may publish');
      const actor: Actor = {
        id: user.id,
        role: user.role,
        displayName: user.displayName,
        email: user.email,
      };
      const resolved = await asHostSide(sessionId, actor);
      if ('ok' in resolved) return resolved;
      const { session } = resolved;
      if (session.status === 'ended') return refuse(ENDED, 'the session has ended');
      if (session.status !== 'live') return refuse(UNKNOWN_SESSION, 'the session is not live');
      if (resolved.context.banned) return refuse(FORBIDDEN, 'banned from this session');
      return { ok: true };
    },
  };
};
