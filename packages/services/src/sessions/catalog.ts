// Reading sessions: lists, one session, and the host's dashboard.
import type {
  DashboardStatsResponse,
  PaginationQuery,
  SessionListQuery,
  SessionListResponse,
  SessionResponse,
} from '@vidinfra/domain';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Room, Session } from '@vidinfra/db';
import { hlsDir, POSTER_NAME } from '@vidinfra/media';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { watchSeconds } from '../attendance-math.ts';
import type { SessionAccess } from '../access.ts';
import { toSessionResponse } from '../mappers.ts';
import { recordingFileTokens } from '../recordings/file-token.ts';
import { recordingView } from '../recordings/view.ts';
import { sessionResponder } from './shared.ts';

const UPCOMING_LIMIT = 5;

const windowOf = (query: SessionListQuery) => ({
  status: query.status,
  from: query.from ? new Date(query.from) : undefined,
  to: query.to ? new Date(query.to) : undefined,
  page: query.page,
  limit: query.limit,
});

export const sessionCatalog = (deps: Deps) => {
  const { db, config, media, now } = deps;
  const fileTokens = recordingFileTokens(config);
  const respond = sessionResponder(deps);
  const recordings = recordingView(deps);
  /**
   * The live poster's URL once the media backend wrote one (the local backend does), for a live
   * session of a public room: a private room's playback is signed, and its poster opens only
   * with the thumbnail token, which attendees get from `GET /sessions/{id}/playback`.
   */
  const livePosterUrl = async (session: Session, room: Room): Promise<string | null> => {
    if (session.status !== 'live' || room.visibility !== 'public' || !config.dataDir) return null;
    const sessionId = session.id;
    const file = join(hlsDir(config.dataDir, sessionId), POSTER_NAME);
    if (!(await stat(file).catch(() => null))) return null;
    return new URL(POSTER_NAME, media.hlsUrl(sessionId)).toString();
  };
  /**
   * An ended session's default playback when anyone may play it: a public (unsigned) playback
   * of a ready recording, with that recording.
   */
  const publicRecording = async (session: Session) => {
    if (session.status !== 'ended') return null;
    const playback = await db.repos.playbacks.defaultFor(session.id);
    if (!playback?.recordingId || playback.signed) return null;
    const recording = await db.repos.recordings.findById(playback.recordingId);
    return recording?.status === 'ready' ? recording : null;
  };
  /** What a card shows: the live poster while live, the public recording's poster once ended. */
  const posterUrl = async (session: Session, room: Room): Promise<string | null> => {
    if (session.status === 'live') return livePosterUrl(session, room);
    const recording = await publicRecording(session);
    return recording ? recordings.posterUrl(recording) : null;
  };
  const scopeOf = (libraryId: string | null) => libraryId ?? undefined;

  const listed = async (
    filter: Parameters<typeof db.repos.sessions.listWithRooms>[0],
  ): Promise<SessionListResponse> => {
    const page = await db.repos.sessions.listWithRooms(filter);
    const items = await respond.many(page.items);
    return {
      ...page,
      items: await Promise.all(
        items.map(async (item, i) => {
          const { session, room } = page.items[i]!;
          return { ...item, poster_url: await posterUrl(session, room) };
        }),
      ),
    };
  };

  return {
    /** Every session of the room (the middleware already kept anonymous callers out of private ones). */
    listInRoom(room: Room, query: SessionListQuery): Promise<SessionListResponse> {
      return listed({ ...windowOf(query), roomId: room.id });
    },

    /** Sessions of public rooms, in the library when scoped. */
    listPublic(libraryId: string | null, query: SessionListQuery): Promise<SessionListResponse> {
      return listed({ ...windowOf(query), publicOnly: true, libraryId: scopeOf(libraryId) });
    },

    listLive(libraryId: string | null, query: PaginationQuery): Promise<SessionListResponse> {
      return listed({ ...query, status: 'live', publicOnly: true, libraryId: scopeOf(libraryId) });
    },

    /**
     * From the access's one read (the session, its room and its viewer count), with what anyone
     * may play when its default playback is public (the live HLS while live, the recording's file
     * and poster once ended) and the live poster once the media backend wrote one.
     */
    async get({ session, room, viewers }: SessionAccess): Promise<SessionResponse> {
      const response = toSessionResponse(session, room, viewers);
      if (session.status === 'live') {
        const [playback, poster] = await Promise.all([
          db.repos.playbacks.defaultFor(session.id),
          livePosterUrl(session, room),
        ]);
        const open = playback && !playback.signed && playback.kind === 'live';
        return {
          ...response,
          poster_url: poster,
          ...(open && { hls_url: media.hlsUrl(session.id) }),
        };
      }
      const recording = await publicRecording(session);
      if (!recording) return { ...response, poster_url: null };
      return {
        ...response,
        recording_url: await fileTokens.signedUrl(recording.id, now()),
        poster_url: await recordings.posterUrl(recording),
      };
    },

    /** Over the caller's rooms, or the library's rooms when scoped. */
    async stats(libraryId: string | null, actor: Actor): Promise<DashboardStatsResponse> {
      const roomIds = await db.repos.sessions.roomIdsIn(
        libraryId ? { libraryId } : { ownerId: actor.id },
      );
      const [byStatus, activity, upcoming] = await Promise.all([
        db.repos.sessions.countByStatus(roomIds),
        db.repos.sessions.activityIn(roomIds),
        listed({ roomIds, status: 'scheduled', from: now(), page: 1, limit: UPCOMING_LIMIT }),
      ]);
      return {
        rooms: roomIds.length,
        sessions_total: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
        sessions_by_status: byStatus,
        live_viewers: activity.liveViewers,
        upcoming_sessions: upcoming.items,
        recordings: activity.recordings,
        total_watch_seconds: watchSeconds(activity.intervals, now()),
      };
    },
  };
};
