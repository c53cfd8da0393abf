// The default playback of a session as the wire shows it (live HLS, or a recording's file).
import { basename } from 'node:path';
import { DomainError, type DefaultPlaybackResponse } from '@vidinfra/domain';
import type { Playback, Recording, Repositories } from '@vidinfra/db';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { iso, orUndefined } from '../mappers.ts';
import { livePlaybackId, type LoadedSession } from './shared.ts';

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
    signed: false,
    allowedDomains: [],
    createdBy: actor.id,
  });
  await r.playbacks.setDefault(playback.id);
}

export const playbackReader = ({ db, config, media }: Deps) => {
  const view = (
    playback: Playback,
    { session, room }: LoadedSession,
    recording: Recording | null,
  ): DefaultPlaybackResponse => ({
    id: playback.id,
    kind: playback.kind,
    playback_id: recording ? recording.id : livePlaybackId(session.id),
    asset_id: recording?.id,
    url: recording
      ? `${config.publicUrl}/api/recordings/${recording.id}/file`
      : media.hlsUrl(session.id),
    file_name: recording?.filePath ? basename(recording.filePath) : undefined,
    duration: orUndefined(recording?.durationSeconds),
    created_at: iso(playback.createdAt),
    created_by: playback.createdBy ?? room.ownerId,
    default_playback: playback.isDefault,
    signed: playback.signed,
  });

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
  };
};
