// Default playback: what a registered attendee plays for a session, live or recorded.
import { z } from 'zod';
import { Id, Seconds, Timestamp, Token, Url } from './fields.ts';

export const PlaybackKind = z.enum(['live', 'recording']).meta({ id: 'PlaybackKind' });
export type PlaybackKind = z.infer<typeof PlaybackKind>;

export const DefaultPlaybackResponse = z
  .object({
    id: Id,
    kind: PlaybackKind,
    playback_id: z.string().min(1),
    /** The recording, when recorded. */
    asset_id: Id.optional(),
    /** The HLS playlist (live) or the recording file (recorded). */
    url: Url,
    file_name: z.string().optional(),
    /** Seconds; absent while live. */
    duration: Seconds.optional(),
    created_at: Timestamp,
    created_by: Id,
    /** True for the one that plays by default. */
    default_playback: z.boolean(),
    /** Whether playback requires the restriction tokens. */
    signed: z.boolean(),
    /** Carry playback rules, e.g. the domains allowed to embed; present when `signed`. */
    playback_restriction_token: Token.optional(),
    thumbnail_restriction_token: Token.optional(),
  })
  .meta({ id: 'DefaultPlaybackResponse' });
export type DefaultPlaybackResponse = z.infer<typeof DefaultPlaybackResponse>;
