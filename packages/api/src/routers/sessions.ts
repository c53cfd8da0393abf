import {
  CreateSessionRequest,
  CreateSessionResponse,
  DashboardStatsResponse,
  DefaultPlaybackResponse,
  EnsureEgressResponse,
  HostMediaStateRequest,
  HostMediaStateResponse,
  Id,
  IdParam,
  JoinSessionResponse,
  MonitorTokenResponse,
  PaginationQuery,
  RescheduleSessionRequest,
  SessionListQuery,
  SessionListResponse,
  SessionResponse,
  ShareURLResponse,
  StartSessionResponse,
  StreamHealthResponse,
  StudioURLResponse,
  UpdateSessionSettingsRequest,
  DeleteResponse,
} from '@vidinfra/domain';
import { z } from 'zod';
import { operation, type OperationDef } from '../operation.ts';

/** `POST /sessions/{id}/<path>` by the host side, answered by one service call. */
const hostSideAction = <O extends z.ZodType>(
  docs: { name: string; description: string },
  path: `/sessions/{id}/${string}`,
  output: O,
  handle: OperationDef<typeof IdParam, O, 'host_side', 'session'>['handle'],
) =>
  operation({
    ...docs,
    method: 'POST',
    path,
    caller: 'host_side',
    resource: 'session',
    input: IdParam,
    output,
    libraryScoped: true,
    handle,
  });

/** What the host turns on or off, by the kind of media state. */
const DEVICE = { video: 'camera', audio: 'microphone' } as const;

const hostMediaState = (kind: keyof typeof DEVICE, name: string) =>
  operation({
    name,
    description: `Host side of the session. Tells everyone in the session (realtime event \`host.${kind}\`) that the host turned the ${DEVICE[kind]} on or off, and keeps it in the session read's \`host_media\` for viewers who come later (not once ended; on again when the session ends or the host who last switched it leaves); no media changes.`,
    method: 'POST',
    path: `/sessions/{id}/host/${kind}`,
    caller: 'host_side',
    resource: 'session',
    input: HostMediaStateRequest.extend({ id: Id }),
    output: HostMediaStateResponse,
    libraryScoped: true,
    handle: ({ ctx, input }) =>
      ctx.services.sessions.hostMedia(ctx.access, ctx.actor, { kind, enabled: input.enabled }),
  });

export const sessionsOps = {
  listInRoom: operation({
    name: 'List sessions for a room',
    description:
      'Public (a private room needs a signed-in caller). Every session of the room, filtered by `status` and `from`/`to`; paginated with `page` and `limit`.',
    method: 'GET',
    path: '/rooms/{id}/sessions',
    caller: 'public',
    resource: 'room',
    input: SessionListQuery.extend({ id: Id }),
    output: SessionListResponse,
    libraryScoped: true,
    handle: ({ ctx, input: { id: _id, ...query } }) =>
      ctx.services.sessions.listInRoom(ctx.access.room, query),
  }),
  create: operation({
    name: 'Create a new session in a room',
    description:
      "The room's owner. Title, description, scheduled_at (not in the past, else 400), optional preset (its default settings apply) and settings. The session starts scheduled.",
    method: 'POST',
    path: '/rooms/{id}/sessions',
    caller: 'owner',
    resource: 'room',
    input: CreateSessionRequest.extend({ id: Id }),
    output: CreateSessionResponse,
    libraryScoped: true,
    handle: ({ ctx, input: { id: _id, ...body } }) =>
      ctx.services.sessions.create(ctx.access.room, ctx.actor, body),
  }),
  list: operation({
    name: 'List all sessions (public)',
    description:
      'Public. Sessions of public rooms (of the library under one), filtered by `status` and `from`/`to`; paginated with `page` and `limit`.',
    method: 'GET',
    path: '/sessions',
    caller: 'public',
    input: SessionListQuery,
    output: SessionListResponse,
    libraryScoped: true,
    handle: ({ ctx, input }) => ctx.services.sessions.listPublic(ctx.libraryId, input),
  }),
  live: operation({
    name: 'List currently live sessions (public)',
    description:
      'Public. Live sessions of public rooms (of the library under one); paginated with `page` and `limit`.',
    method: 'GET',
    path: '/sessions/live',
    caller: 'public',
    input: PaginationQuery,
    output: SessionListResponse,
    libraryScoped: true,
    handle: ({ ctx, input }) => ctx.services.sessions.listLive(ctx.libraryId, input),
  }),
  stats: operation({
    name: 'Get dashboard stats',
    description:
      "Hosts (and admins). Over the caller's rooms (the library's rooms under a library): rooms, sessions by status, live viewers, watch time and the next scheduled sessions.",
    method: 'GET',
    path: '/sessions/stats',
    caller: 'host',
    input: z.strictObject({}),
    output: DashboardStatsResponse,
    libraryScoped: true,
    handle: ({ ctx }) => ctx.services.sessions.stats(ctx.libraryId, ctx.actor),
  }),
  get: operation({
    name: 'Get session by ID (public)',
    description:
      'Public (a private room needs a signed-in caller). The session with its settings, status and viewer count.',
    method: 'GET',
    path: '/sessions/{id}',
    caller: 'public',
    resource: 'session',
    input: IdParam,
    output: SessionResponse,
    libraryScoped: true,
    handle: ({ ctx }) => ctx.services.sessions.get(ctx.access),
  }),
  delete: operation({
    name: 'Delete a session',
    description: "The room's owner or an admin. 409 SESSION_LIVE while live; end it first.",
    method: 'DELETE',
    path: '/sessions/{id}',
    caller: 'owner_or_admin',
    resource: 'session',
    input: IdParam,
    output: DeleteResponse,
    libraryScoped: true,
    handle: ({ ctx }) => ctx.services.sessions.delete(ctx.access),
  }),
  join: operation({
    name: 'Join a session (get LiveKit token)',
    description:
      "Any signed-in caller who may see the session. A media token scoped to the caller's session role (the host side publishes anything, stage participants what the stage allows, others watch), plus the HLS URL and playback id. Opens the caller's attendance while backstage or live. 403 BANNED when banned, 503 when the media backend is unavailable.",
    method: 'POST',
    path: '/sessions/{id}/join',
    caller: 'any',
    resource: 'session',
    input: IdParam,
    output: JoinSessionResponse,
    libraryScoped: true,
    handle: ({ ctx }) => ctx.services.sessions.join(ctx.access, ctx.actor),
  }),
  goLive: hostSideAction(
    {
      name: 'Go live with a session',
      description:
        "Host side of the session. Starts the public HLS output of the studio's stream and moves the session to live, from backstage or straight from scheduled (409 INVALID_STATE_TRANSITION from live or ended). Makes the live stream the session's default playback and, with `auto_record` on, starts a recording. 503 when the media backend is unavailable.",
    },
    '/sessions/{id}/go_live',
    StartSessionResponse,
    ({ ctx }) => ctx.services.sessions.goLive(ctx.access, ctx.actor),
  ),
  ensureEgress: hostSideAction(
    {
      name: 'Ensure HLS egress is running',
      description:
        'Host side of the session. Idempotent: keeps a running HLS output and restarts a dead one (`restarted` says which). Only while live (409 INVALID_STATE_TRANSITION otherwise); 503 when the media backend is unavailable.',
    },
    '/sessions/{id}/egress/ensure',
    EnsureEgressResponse,
    ({ ctx }) => ctx.services.sessions.ensureEgress(ctx.access),
  ),
  start: hostSideAction(
    {
      name: 'Start a session',
      description:
        'Host side of the session. Opens the backstage: scheduled → backstage, the media room is created so the host side and stage guests can prepare, but nothing is public and no HLS output runs yet (go live for that). 409 INVALID_STATE_TRANSITION unless scheduled.',
    },
    '/sessions/{id}/start',
    StartSessionResponse,
    ({ ctx }) => ctx.services.sessions.start(ctx.access),
  ),
  webcamHls: hostSideAction(
    {
      name: 'Start webcam to HLS streaming',
      description:
        "Host side of the session. The simple path without the studio's compositing: the host's camera alone becomes the HLS output. The same move as go live (from scheduled or backstage to live, 409 INVALID_STATE_TRANSITION from live or ended, default live playback, auto-record); 503 when the media backend is unavailable.",
    },
    '/sessions/{id}/webcam_hls',
    StartSessionResponse,
    ({ ctx }) => ctx.services.sessions.webcamHls(ctx.access, ctx.actor),
  ),
  end: hostSideAction(
    {
      name: 'End a session',
      description:
        'Host side of the session. Any state but ended → ended: stops the HLS output and the active recording (its file follows), and closes every attendance interval. 409 INVALID_STATE_TRANSITION when already ended.',
    },
    '/sessions/{id}/end',
    SessionResponse,
    ({ ctx }) => ctx.services.sessions.end(ctx.access),
  ),
  reschedule: operation({
    name: 'Reschedule a session',
    description:
      "The room's owner. Moves scheduled_at (not in the past, else 400); only while scheduled (409 INVALID_STATE_TRANSITION otherwise). Notifies the session and every reminder subscriber of the room.",
    method: 'PATCH',
    path: '/sessions/{id}/reschedule',
    caller: 'owner',
    resource: 'session',
    input: RescheduleSessionRequest.extend({ id: Id }),
    output: SessionResponse,
    libraryScoped: true,
    handle: ({ ctx, input: { id: _id, ...body } }) =>
      ctx.services.sessions.reschedule(ctx.access, body),
  }),
  settings: operation({
    name: 'Update session runtime settings',
    description:
      "Host side of the session. Merges the given settings (chat on/off, slow mode, polls, hand raise, join requests, stage size, latency mode, auto record) into the session's; everyone in the session receives the change in realtime.",
    method: 'PATCH',
    path: '/sessions/{id}/settings',
    caller: 'host_side',
    resource: 'session',
    input: UpdateSessionSettingsRequest.extend({ id: Id }),
    output: SessionResponse,
    handle: ({ ctx, input: { id: _id, ...patch } }) =>
      ctx.services.sessions.updateSettings(ctx.access, patch),
  }),
  hostVideo: hostMediaState('video', 'Broadcast host video state change'),
  hostAudio: hostMediaState('audio', 'Broadcast host audio state change'),
  monitorToken: operation({
    name: 'Get monitor token for a session',
    description:
      'Staff of the session. A subscribe-only, hidden media token: watch the media room without showing up in it. 503 when the media backend is unavailable.',
    method: 'GET',
    path: '/sessions/{id}/monitor_token',
    caller: 'staff',
    resource: 'session',
    input: IdParam,
    output: MonitorTokenResponse,
    libraryScoped: true,
    handle: ({ ctx }) => ctx.services.sessions.monitorToken(ctx.access, ctx.actor),
  }),
  health: operation({
    name: 'Get stream health info',
    description:
      "Host side of the session. The HLS output's state, bitrate, fps, segment age, viewers and the players' reported latency and stalls.",
    method: 'GET',
    path: '/sessions/{id}/health',
    caller: 'host_side',
    resource: 'session',
    input: IdParam,
    output: StreamHealthResponse,
    libraryScoped: true,
    handle: ({ ctx }) => ctx.services.sessions.health(ctx.access),
  }),
  studioUrl: hostSideAction(
    {
      name: 'Generate studio URL',
      description:
        'Host side of the session. Generates a short-lived studio URL containing a one-time auth code. The host uses this URL to open the viewer app and go live. The auth code expires in 60 seconds and can only be used once (redeemed with `POST /auth/code/exchange`). 503 when the media backend is unavailable.',
    },
    '/sessions/{id}/studio_url',
    StudioURLResponse,
    ({ ctx }) => ctx.services.sessions.studioUrl(ctx.access, ctx.actor, ctx.libraryId),
  ),
  shareUrls: operation({
    name: 'Get shareable URLs for a session',
    description:
      'Host side of the session. The viewer page URL, an embeddable iframe and the HLS URL.',
    method: 'GET',
    path: '/sessions/{id}/share_urls',
    caller: 'host_side',
    resource: 'session',
    input: IdParam,
    output: ShareURLResponse,
    libraryScoped: true,
    handle: async ({ ctx }) => ctx.services.sessions.shareUrls(ctx.access),
  }),
  playback: operation({
    name: 'Get default playback (live or recorded)',
    description:
      'Attendees (signed in, not banned). What plays by default: the live stream or a recording (playback_id, asset_id), with restriction tokens when signed. 404 NO_DEFAULT_PLAYBACK when the session has none.',
    method: 'GET',
    path: '/sessions/{id}/playback',
    caller: 'attendee',
    resource: 'session',
    input: IdParam,
    output: DefaultPlaybackResponse,
    handle: ({ ctx }) => ctx.services.sessions.defaultPlayback(ctx.access),
  }),
};
