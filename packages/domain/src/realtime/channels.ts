// Socket.IO channel names: `session:{id}`, `session:{id}:staff`, `user:{id}`.
import { z } from 'zod';
import { Id } from '../schemas/fields.ts';

export type ChannelKind = 'session' | 'staff' | 'user';

export type ParsedChannel =
  | { kind: 'session'; sessionId: string }
  | { kind: 'staff'; sessionId: string }
  | { kind: 'user'; userId: string };

/** Everyone in the session. */
export const sessionChannel = (sessionId: string) => `session:${sessionId}`;
/** Hand raises, join requests and moderation: staff of the session only. */
export const staffChannel = (sessionId: string) => `session:${sessionId}:staff`;
/** One user's personal channel. */
export const userChannel = (userId: string) => `user:${userId}`;

/** The channel of `kind` for a session id (session, staff) or a user id (user). */
export function channelName(kind: ChannelKind, id: string): string {
  if (kind === 'user') return userChannel(id);
  return kind === 'staff' ? staffChannel(id) : sessionChannel(id);
}

const CHANNEL_PATTERN = /^(session|user):([^:]+)(:staff)?$/;

/** The channel's kind and id, or null for anything that is not one of the three forms. */
export function parseChannel(name: string): ParsedChannel | null {
  const match = CHANNEL_PATTERN.exec(name);
  if (!match) return null;
  const [, prefix, id = '', staffSuffix] = match;
  if (!Id.safeParse(id).success) return null;
  if (prefix === 'user') return staffSuffix ? null : { kind: 'user', userId: id };
  return staffSuffix ? { kind: 'staff', sessionId: id } : { kind: 'session', sessionId: id };
}

/** A channel name in one of the three forms. */
export const ChannelName = z
  .string()
  .max(100)
  .refine((name) => parseChannel(name) !== null, { error: 'Unknown channel' })
  .meta({ id: 'ChannelName' });
