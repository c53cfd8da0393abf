// Who may join which channel: `session:{id}` attendees (not banned; anonymous only for sessions
// of public rooms), `session:{id}:staff` staff only, `user:{id}` that user only.
import { canCall, DomainError, parseChannel } from '@vidinfra/domain';
import type { Actor, Services } from '@vidinfra/services';

export interface ChannelGrant {
  channel: string;
  kind: 'session' | 'staff' | 'user';
  sessionId: string | null;
  /** The session's room is public (anonymous followers allowed). */
  readOnly: boolean;
}

export async function authorizeChannel(
  services: Services,
  actor: Actor | null,
  channel: string,
): Promise<ChannelGrant> {
  const parsed = parseChannel(channel);
  if (!parsed) throw new DomainError('VALIDATION_ERROR', 'unknown channel');
  if (parsed.kind === 'user') {
    if (!actor) throw new DomainError('UNAUTHORIZED', 'sign in to follow a personal channel');
    if (actor.id !== parsed.userId)
      throw new DomainError('FORBIDDEN', 'this is another user’s channel');
    return { channel, kind: 'user', sessionId: null, readOnly: false };
  }
  const access = await services.access.resolve('session', parsed.sessionId, actor, null);
  const signedIn = actor && { userId: actor.id, accountRole: actor.role, disabled: false };
  if (parsed.kind === 'staff') {
    const check = canCall('staff', signedIn, access.context);
    if (!check.ok) throw new DomainError(check.code, 'staff only');
    return { channel, kind: 'staff', sessionId: parsed.sessionId, readOnly: false };
  }
  if (!actor) {
    if (access.room?.visibility !== 'public')
      throw new DomainError('UNAUTHORIZED', 'sign in to follow an unlisted session');
    return { channel, kind: 'session', sessionId: parsed.sessionId, readOnly: true };
  }
  const check = canCall('attendee', signedIn, access.context);
  if (!check.ok) throw new DomainError(check.code, 'you may not follow this session');
  return { channel, kind: 'session', sessionId: parsed.sessionId, readOnly: false };
}
