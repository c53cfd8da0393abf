// Who may signal whom over WebRTC with no media server: a current stage participant of the session
// and its host side (owner, co-host, admin), either way, and nobody else. Decided with the same
// Caller rules as the REST operations (`stage_participant`, `host_side`) on each user's standing
// in the session, read afresh for every signal, so a removal or ban takes effect at once.
import { canCall, DomainError, type Caller } from '@vidinfra/domain';
import type { AccessService } from './access.ts';
import type { Actor } from './actor.ts';
import type { Deps } from './deps.ts';

export const rtcSignalsService = ({ db }: Deps, access: AccessService) => {
  /** Which of the two rules `user` passes in the session (its standing read once). */
  async function standing(sessionId: string, user: Actor) {
    const { context } = await access.resolve('session', sessionId, user, null);
    const signedIn = { userId: user.id, accountRole: user.role, disabled: false };
    const passes = (caller: Caller) => canCall(caller, signedIn, context).ok;
    return { onStage: passes('stage_participant'), hostSide: passes('host_side') };
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
      const sender = await standing(sessionId, from);
      if (!sender.onStage && !sender.hostSide) throw refused;
      const recipient = await standing(sessionId, to);
      const allowed =
        (sender.onStage && recipient.hostSide) || (sender.hostSide && recipient.onStage);
      if (!allowed) throw refused;
    },
  };
};

export type RtcSignalsService = ReturnType<typeof rtcSignalsService>;
