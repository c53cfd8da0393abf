// Sessions: scheduling, lifecycle responses, join credentials, share/studio URLs, stats, health.
import { z } from 'zod';
import { SessionRole } from '../roles.ts';
import { PaginationQuery, paginated } from './common.ts';
import { Count, Description, ExpiresIn, Id, Seconds, Timestamp, Title, Url } from './fields.ts';
import { MediaBackendKind, mediaTokenFields } from './media.ts';
import { SessionSettings, SessionSettingsPatch } from './session-settings.ts';

export const SessionStatus = z
  .enum(['scheduled', 'backstage', 'live', 'ended'])
  .meta({ id: 'SessionStatus' });
export type SessionStatus = z.infer<typeof SessionStatus>;

export const CreateSessionRequest = z
  .strictObject({
    title: Title,
    description: Description.optional(),
    scheduled_at: Timestamp,
    preset_id: Id.optional(),
    /** Overrides on top of the preset's default settings. */
    settings: SessionSettingsPatch.optional(),
  })
  .meta({ id: 'CreateSessionRequest' });
export type CreateSessionRequest = z.infer<typeof CreateSessionRequest>;

export const RescheduleSessionRequest = z
  .strictObject({ scheduled_at: Timestamp })
  .meta({ id: 'RescheduleSessionRequest' });
export type RescheduleSessionRequest = z.infer<typeof RescheduleSessionRequest>;

/**
 * The host's camera and microphone as they last told viewers (`POST /sessions/{id}/host/video|
 * audio`, realtime `host.video` / `host.audio`): both on until turned off, and on again once the
 * session ends or the host who last switched one leaves the session.
 */
export const HostMedia = z
  .object({ video: z.boolean(), audio: z.boolean() })
  .meta({ id: 'HostMedia' });
export type HostMedia = z.infer<typeof HostMedia>;

const sessionFields = {
  id: Id,
  room_id: Id,
  library_id: Id.optional(),
  preset_id: Id.optional(),
  title: z.string(),
  description: z.string().optional(),
  status: SessionStatus,
  scheduled_at: Timestamp,
  /** Entered backstage (or went straight live). */
  started_at: Timestamp.optional(),
  live_at: Timestamp.optional(),
  ended_at: Timestamp.optional(),
  settings: SessionSettings,
  /** Viewers connected right now (0 unless backstage or live). */
  viewer_count: Count,
  /** Whether the host's camera and microphone are on (a late viewer's "Host camera off"). */
  host_media: HostMedia,
  /**
   * The live HLS playlist, on the public session read only and only while it plays unsigned
   * (a live session of a public room): anyone may watch it without signing in. Signed playback
   * stays with `GET /sessions/{id}/playback` for attendees.
   */
  hls_url: Url.optional(),
  /**
   * The recording's file (with a download token, valid 6 h), on the public session read only and
   * only once the session has ended and its default playback is an unsigned recording: anyone
   * may watch it without signing in, as they could the live stream.
   */
  recording_url: Url.optional(),
  /**
   * On the session read and in session lists: while live, a JPEG of the live stream, renewed
   * every 10 s (served with the playlist's rules; a signed playback's takes the thumbnail token);
   * once ended, the poster of the recording it plays by default when anyone may play it (as
   * `recording_url`; with a poster token, valid 6 h); else null (no frame yet, no public
   * recording, or a recording without a poster).
   */
  poster_url: Url.nullable().optional(),
  created_at: Timestamp,
  updated_at: Timestamp,
};

export const SessionResponse = z.object(sessionFields).meta({ id: 'SessionResponse' });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const CreateSessionResponse = z.object(sessionFields).meta({ id: 'CreateSessionResponse' });
export type CreateSessionResponse = z.infer<typeof CreateSessionResponse>;

/** Answer of start, go_live and webcam_hls: the session after the transition and its outputs. */
export const StartSessionResponse = z
  .object({
    session: SessionResponse,
    /** Name of the media room the studio publishes to. */
    media_room: z.string().min(1),
    /** Set once an HLS output exists (go_live, webcam_hls). */
    hls_url: Url.optional(),
    playback_id: z.string().optional(),
  })
  .meta({ id: 'StartSessionResponse' });
export type StartSessionResponse = z.infer<typeof StartSessionResponse>;

export const StudioURLResponse = z
  .object({ url: Url, expires_in: ExpiresIn })
  .meta({ id: 'StudioURLResponse' });
export type StudioURLResponse = z.infer<typeof StudioURLResponse>;

export const ShareURLResponse = z
  .object({ viewer_url: Url, embed_html: z.string(), hls_url: Url })
  .meta({ id: 'ShareURLResponse' });
export type ShareURLResponse = z.infer<typeof ShareURLResponse>;

/**
 * `token` is a media access token scoped to `role` (LiveKit: signed with the API key/secret);
 * `expires_at` is when it expires (ISO time): join again before then.
 */
export const JoinSessionResponse = z
  .object({
    ...mediaTokenFields,
    role: SessionRole,
    hls_url: Url,
    playback_id: z.string(),
    expires_at: Timestamp,
    /** How to publish: `local` over the ingest WebSocket at ws_url, `livekit` to the LiveKit room. */
    media_backend: MediaBackendKind,
  })
  .meta({ id: 'JoinSessionResponse' });
export type JoinSessionResponse = z.infer<typeof JoinSessionResponse>;

/** `GET /sessions` and `GET /rooms/{id}/sessions`: `?status=&from=&to=&page=&limit=`. */
export const SessionListQuery = PaginationQuery.extend({
  status: SessionStatus.optional(),
  /** Sessions scheduled at or after this time. */
  from: Timestamp.optional(),
  /** Sessions scheduled before this time. */
  to: Timestamp.optional(),
}).meta({ id: 'SessionListQuery' });
export type SessionListQuery = z.infer<typeof SessionListQuery>;

export const SessionListResponse = paginated(SessionResponse).meta({ id: 'SessionListResponse' });
export type SessionListResponse = z.infer<typeof SessionListResponse>;

/** Stats over the caller's rooms (or the library's, when library-scoped). */
export const DashboardStatsResponse = z
  .object({
    rooms: Count,
    sessions_total: Count,
    sessions_by_status: z.record(SessionStatus, Count),
    live_viewers: Count,
    /** The next scheduled sessions, soonest first (at most 5). */
    upcoming_sessions: z.array(SessionResponse).max(5),
    recordings: Count,
    total_watch_seconds: Seconds,
  })
  .meta({ id: 'DashboardStatsResponse' });
export type DashboardStatsResponse = z.infer<typeof DashboardStatsResponse>;

/** Broadcast host camera/microphone state (`POST /sessions/{id}/host/video|audio`). */
export const HostMediaStateRequest = z
  .strictObject({ enabled: z.boolean() })
  .meta({ id: 'HostMediaStateRequest' });
export type HostMediaStateRequest = z.infer<typeof HostMediaStateRequest>;

export const HostMediaStateResponse = z
  .object({ session_id: Id, enabled: z.boolean() })
  .meta({ id: 'HostMediaStateResponse' });
export type HostMediaStateResponse = z.infer<typeof HostMediaStateResponse>;

/** State of the HLS output (LiveKit egress or the local ffmpeg pipeline). */
export const OutputState = z
  .enum(['idle', 'starting', 'running', 'reconnecting', 'stopped', 'failed'])
  .meta({ id: 'OutputState' });
export type OutputState = z.infer<typeof OutputState>;

export const EnsureEgressResponse = z
  .object({
    session_id: Id,
    output: OutputState,
    /** True when a dead output was (re)started by this call. */
    restarted: z.boolean(),
    hls_url: Url,
  })
  .meta({ id: 'EnsureEgressResponse' });
export type EnsureEgressResponse = z.infer<typeof EnsureEgressResponse>;

export const StreamHealthResponse = z
  .object({
    session_id: Id,
    status: SessionStatus,
    output: OutputState,
    bitrate_kbps: z.number().nonnegative().optional(),
    fps: z.number().nonnegative().optional(),
    /** Age of the newest HLS segment: a growing value means a stalled output. */
    segment_age_seconds: z.number().nonnegative().optional(),
    /** Encoder speed (1 = real time; below 1 the output falls behind). */
    speed: z.number().nonnegative().optional(),
    viewers: Count,
    /** Players whose playback reports (`playback:report`) of the last 30 s count below. */
    reporting_players: Count,
    /** How far behind live those players are: median and 95th percentile; null without reports. */
    viewer_latency_p50_ms: z.number().nonnegative().nullable(),
    viewer_latency_p95_ms: z.number().nonnegative().nullable(),
    /** Time spent stalled over time watched, 0–1; null without reports. */
    rebuffer_ratio: z.number().min(0).max(1).nullable(),
    checked_at: Timestamp,
  })
  .meta({ id: 'StreamHealthResponse' });
export type StreamHealthResponse = z.infer<typeof StreamHealthResponse>;
