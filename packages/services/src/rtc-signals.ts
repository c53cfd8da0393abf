// Who may signal whom over WebRTC with no media server: a current stage participant of the session
// and its host side (owner, co-host, admin), either way, and nobody else. Decided with the same
// Caller rules as the REST operations (`stage_participant`, `host_side`) on each user's standing
// in the session, read afresh for every signal, so a removal or ban takes effect at once.
import { canCall, DomainError, type Caller } from '@vidinfra/domain';
import type { AccessService } from './access.ts';
import type { Actor } from './actor.ts';
import type { Deps } from './deps.ts';

export const rtcSignalsService = ({ db }: Deps, access: AccessService) => {
  /** Whether `user` passes the rule `caller` in the session. */
  async function passes(sessionId: string, user: Actor, caller: Caller) {
    const standing = await access.resolve('session', sessionId, user, null);
    const signedIn = { userId: user.id, accountRole: user.role, disabled: false };
    return canCall(caller, signedIn, standing.context).ok;
  }

  return {
    /**
     * Throws FORBIDDEN unless one of the two is on the session's stage and the other on its
     * host side (NOT_FOUND: no such session). `from` is the signed-in sender.
     */
    async authorize(from: Actor, sessionId: string, toUserId: string): Promise<void> {
      const refused = new DomainError(
        'FORBIDDEN',
        'signals go between a stage participant and the host side of the same session',
      );
      if (toUserId === from.id) throw refused;
      const user = await db.repos.users.findById(toUserId);
      if (!user || user.disabled) throw refused;
      const to: Actor = {
        id: user.id,
        role: user.role,
        displayName: user.displayName,
        email: null,
      };
      const [fromStage, fromHost] = await Promise.all([
        passes(sessionId, from, 'stage_participant'),
        passes(sessionId, from, 'host_side'),
      ]);
      if (!fromStage && !fromHost) throw refused;
      const toRule: Caller = fromStage ? 'host_side' : 'stage_participant';
      if (!(await passes(sessionId, to, toRule))) throw refused;
    },
  };
};

export type RtcSignalsService = ReturnType<typeof rtcSignalsService>;
