// Default playback: what a registered attendee plays for a session, live or recorded.
import { z } from 'zod';
import { ExpiresIn, Id, Seconds, Timestamp, Token, Url } from './fields.ts';

export const PlaybackKind = z.enum(['live', 'recording']).meta({ id: 'PlaybackKind' });
export type PlaybackKind = z.infer<typeof PlaybackKind>;

export const DefaultPlaybackResponse = z
  .object({
    id: Id,
    kind: PlaybackKind,
    playback_id: z.string().min(1),
    /** The recording, when recorded. */
    asset_id: Id.optional(),
    /** The HLS playlist (live) or the recording file (recorded); carries `?token=` when signed. */
    url: Url,
    file_name: z.string().optional(),
    /** Seconds; absent while live. */
    duration: Seconds.optional(),
    created_at: Timestamp,
    created_by: Id,
    /** True for the one that plays by default. */
    default_playback: z.boolean(),
    /**
     * Whether playback requires the restriction tokens. A private room's playbacks are signed,
     * a public room's are public.
     */
    signed: z.boolean(),
    /**
     * Present when `signed`: an HS256 JWT valid for `token_expires_in` seconds (one hour) that
     * names the session and playback and carries `allowed_domains`. Every HLS request (playlist
     * and segments) carries it as `?token=` and must come from a page (Origin or Referer) on one
     * of those domains; the playlist served with it carries it on its segment URIs.
     */
    playback_restriction_token: Token.optional(),
    /** Present when `signed`: the same rules for thumbnails (a token of its own audience). */
    thumbnail_restriction_token: Token.optional(),
    /** Present when `signed`: the hosts whose pages may play it (`*.example.com` patterns too). */
    allowed_domains: z.array(z.string().min(1)).optional(),
    /** Present when `signed`: seconds the restriction tokens stay valid; ask again after. */
    token_expires_in: ExpiresIn.optional(),
    /**
     * When the restriction tokens expire (ISO time); null when not `signed`. A player asks for
     * the playback again before then to keep playing.
     */
    expires_at: Timestamp.nullable(),
  })
  .meta({ id: 'DefaultPlaybackResponse' });
export type DefaultPlaybackResponse = z.infer<typeof DefaultPlaybackResponse>;
