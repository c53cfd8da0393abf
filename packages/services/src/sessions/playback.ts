// The playbacks of a session (its live HLS, each recording's file), the default one as the wire
// shows it, and who may fetch the live HLS.
//
// Signed or public is decided when a playback is made, by the room: a private room's playbacks
// are signed (only attendees, who must sign in there, get the restriction tokens), a public
// room's are public. A signed playback plays from pages on the PUBLIC_URL host (where the viewer
// app is served) plus the playback's own `allowed_domains`.
import { basename } from 'node:path';
import { DomainError, type DefaultPlaybackResponse } from '@vidinfra/domain';
import type { Playback, Recording, Repositories, Room } from '@vidinfra/db';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { iso, orUndefined } from '../mappers.ts';
import {
  PLAYBACK_TOKEN_TTL_SECONDS,
  domainAllowed,
  playbackTokens,
  requestingHost,
  type PlaybackTokenUse,
} from '../playback-tokens.ts';
import { recordingFileTokens } from '../recordings/file-token.ts';
import { expiresAt } from '../tokens.ts';
import type { LoadedSession } from '../access.ts';
import { livePlaybackId } from './shared.ts';

/** Whether a playback made now for a session of this room needs restriction tokens. */
const signedFor = (room: Pick<Room, 'visibility'>) => room.visibility === 'private';

async function roomOf(r: Repositories, sessionId: string): Promise<Room> {
  const found = await r.sessions.findWithRoom(sessionId);
  if (!found) throw new DomainError('NOT_FOUND', 'session not found');
  return found.room;
}

/** Makes a live playback the session's default unless it already has a default playback. */
export async function ensureDefaultLivePlayback(
  r: Repositories,
  sessionId: string,
  actor: Actor,
): Promise<void> {
  if (await r.playbacks.defaultFor(sessionId)) return;
  const playback = await r.playbacks.create({
    sessionId,
    kind: 'live',
    signed: signedFor(await roomOf(r, sessionId)),
    allowedDomains: [],
    createdBy: actor.id,
  });
  await r.playbacks.setDefault(playback.id);
}

/**
 * The playback of a recording (made once: a second call returns the first), signed by the same
 * rule as the live one; with `makeDefault` it becomes what the session plays by default.
 */
export async function createRecordingPlayback(
  r: Repositories,
  recording: Pick<Recording, 'id' | 'sessionId'>,
  actor: Pick<Actor, 'id'> | null,
  options: { makeDefault?: boolean } = {},
): Promise<Playback> {
  const existing = (await r.playbacks.listBySession(recording.sessionId)).find(
    (p) => p.recordingId === recording.id,
  );
  const playback =
    existing ??
    (await r.playbacks.create({
      sessionId: recording.sessionId,
      recordingId: recording.id,
      kind: 'recording',
      signed: signedFor(await roomOf(r, recording.sessionId)),
      allowedDomains: [],
      createdBy: actor?.id ?? null,
    }));
  if (!options.makeDefault || playback.isDefault) return playback;
  return (await r.playbacks.setDefault(playback.id)) ?? playback;
}

/** What the HLS route needs to serve a request it is allowed to serve. */
export type HlsAccess =
  | { signed: false }
  /** `token`: to carry on the playlist's segment URIs; `origin`: the page's, for CORS. */
  | { signed: true; token: string; origin: string | null };

const withToken = (url: string, token: string) => {
  const signedUrl = new URL(url);
  signedUrl.searchParams.set('token', token);
  return signedUrl.toString();
};

export const playbackReader = ({ db, config, media, now }: Deps) => {
  const tokenTtlSeconds = config.playbackTokenTtlSeconds ?? PLAYBACK_TOKEN_TTL_SECONDS;
  const tokens = playbackTokens(config.jwtSecret, tokenTtlSeconds);
  const fileTokens = recordingFileTokens(config);
  const ownHost = new URL(config.publicUrl).hostname;
  const allowedDomainsOf = (playback: Playback) => [
    ...new Set([ownHost, ...playback.allowedDomains]),
  ];

  const restrictionTokens = async (playback: Playback) => {
    const grant = {
      sessionId: playback.sessionId,
      playbackId: playback.id,
      allowedDomains: allowedDomainsOf(playback),
    };
    const at = now();
    const playbackToken = await tokens.sign(grant, 'playback', at);
    return {
      playback_restriction_token: playbackToken,
      thumbnail_restriction_token: await tokens.sign(grant, 'thumbnail', at),
      allowed_domains: grant.allowedDomains,
      token_expires_in: tokenTtlSeconds,
      expires_at: expiresAt(playbackToken),
    };
  };

  const view = async (
    playback: Playback,
    { session, room }: LoadedSession,
    recording: Recording | null,
  ): Promise<DefaultPlaybackResponse> => {
    const restricted = playback.signed ? await restrictionTokens(playback) : null;
    // A recording plays from its file route, which opens only with a file token; the live HLS
    // carries the restriction token when signed.
    const url = recording
      ? await fileTokens.signedUrl(recording.id, now())
      : restricted
        ? withToken(media.hlsUrl(session.id), restricted.playback_restriction_token)
        : media.hlsUrl(session.id);
    return {
      id: playback.id,
      kind: playback.kind,
      playback_id: recording ? recording.id : livePlaybackId(session.id),
      asset_id: recording?.id,
      url,
      file_name: recording?.filePath ? basename(recording.filePath) : undefined,
      duration: orUndefined(recording?.durationSeconds),
      created_at: iso(playback.createdAt),
      created_by: playback.createdBy ?? room.ownerId,
      default_playback: playback.isDefault,
      signed: playback.signed,
      expires_at: null,
      ...restricted,
    };
  };

  return {
    /** 404 NO_DEFAULT_PLAYBACK when the session has none. */
    async defaultPlayback(target: LoadedSession): Promise<DefaultPlaybackResponse> {
      const playback = await db.repos.playbacks.defaultFor(target.session.id);
      if (!playback) throw new DomainError('NO_DEFAULT_PLAYBACK');
      const recording = playback.recordingId
        ? await db.repos.recordings.findById(playback.recordingId)
        : null;
      return view(playback, target, recording);
    },

    /**
     * The rule for the session's HLS files. NOT_FOUND while the session (or its playback) does
     * not exist. A public default playback: anyone. A signed one: a `use` token (the poster's
     * is the thumbnail token) of this session (FORBIDDEN / PLAYBACK_TOKEN_EXPIRED) from a page on
     * one of its allowed domains; a request naming no page (no Origin, no Referer) is refused, as
     * Mux does unless told to allow it: browsers send one, so only non-browser clients would be
     * let through.
     */
    async authorizeHls(
      sessionId: string,
      request: { token: string | null; origin?: string; referer?: string },
      use: PlaybackTokenUse = 'playback',
    ): Promise<HlsAccess> {
      const playback = await db.repos.playbacks.defaultFor(sessionId);
      if (!playback) throw new DomainError('NOT_FOUND', 'no playback for this session');
      if (!playback.signed) return { signed: false };
      if (!request.token) throw new DomainError('FORBIDDEN', 'this playback needs ?token=');
      const grant = await tokens.verify(request.token, use, now());
      if (grant.sessionId !== sessionId) {
        throw new DomainError('FORBIDDEN', 'the token is for another session');
      }
      const host = requestingHost(request);
      if (!host) throw new DomainError('FORBIDDEN', 'a signed playback plays from a web page');
      if (!domainAllowed(host, grant.allowedDomains)) {
        throw new DomainError('FORBIDDEN', 'this site may not play this playback');
      }
      const origin = request.origin && request.origin !== 'null' ? request.origin : null;
      return { signed: true, token: request.token, origin };
    },
  };
};
