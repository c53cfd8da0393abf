import { accessService } from './access.ts';
import { loginLimiter, type LoginLimiter } from './auth/login-limiter.ts';
import { authService } from './auth/service.ts';
import type { Deps } from './deps.ts';
import { sessionsService } from './sessions.ts';
import { participantsService } from './participants.ts';
import { presetsService } from './presets.ts';
import { remindersService } from './reminders.ts';
import { librariesService } from './libraries.ts';
import { adminService } from './admin.ts';
import { chatService } from './chat.ts';
import { pollsService } from './polls.ts';
import { stageService } from './stage.ts';
import { moderationService } from './moderation.ts';
import { attendanceService } from './attendance.ts';
import { healthService } from './health.ts';
import { roomsService } from './rooms.ts';
import { webhooksService } from './webhooks.ts';
import { recordingsService } from './recordings.ts';
import { mediaFollower } from './media-events.ts';
import { outboxService } from './outbox.ts';
import { realtimeNodesService } from './realtime-nodes.ts';
import { viewerReportsService } from './viewer-reports.ts';
import { rtcSignalsService } from './rtc-signals.ts';

export type { Actor } from './actor.ts';
export type { Deps, ServiceConfig } from './deps.ts';
export type {
  ChatMessageAccess,
  LibraryAccess,
  LoadedSession,
  MemberLibraryAccess,
  PollAccess,
  PresetAccess,
  RecordingAccess,
  ResourceAccess,
  ResourceKind,
  RoomAccess,
  SessionAccess,
} from './access.ts';
export type { MediaBackend, MediaGrant, OutputStatus } from '@vidinfra/media';
export { localMediaBackend } from '@vidinfra/media';
export { ConfigError, loadConfig, type Config } from './runtime/config.ts';
export { originCheck, type OriginCheck } from './runtime/origins.ts';
export {
  closeOnSignals,
  createRuntime,
  type Runtime,
  type RuntimeOverrides,
} from './runtime/create.ts';
export type { MetricsAnswer, MetricsRequest, RuntimeMetrics } from './runtime/metrics.ts';
export { recordEvent } from './events.ts';
export { REPORT_WINDOW_MS, type PlaybackReportStore, type StoredReport } from './viewer-reports.ts';
export { hashPassword } from './auth/passwords.ts';
export { AUTH_CODE_TTL_SECONDS } from './auth/service.ts';
export { loginLimiter, DEFAULT_LOGIN_LIMITS, type LoginLimits } from './auth/login-limiter.ts';

export function createServices(deps: Deps, options: { loginLimiter?: LoginLimiter } = {}) {
  const recordings = recordingsService(deps);
  // Recordings finish after their stop and outputs change on their own: what the media backend
  // reports becomes state and events.
  const mediaEvents = mediaFollower(deps, recordings.applyMediaEvent);
  const stopFollowingMedia = mediaEvents.follow();
  const viewerReports = viewerReportsService(deps);
  const access = accessService(deps);
  return {
    deps,
    loginLimiter: options.loginLimiter ?? loginLimiter(),
    access,
    auth: authService(deps),
    health: healthService(deps),
    rooms: roomsService(deps),
    sessions: sessionsService(deps, viewerReports),
    viewerReports,
    participants: participantsService(deps),
    presets: presetsService(deps),
    reminders: remindersService(deps),
    libraries: librariesService(deps),
    admin: adminService(deps),
    chat: chatService(deps),
    polls: pollsService(deps),
    stage: stageService(deps),
    rtcSignals: rtcSignalsService(deps, access),
    moderation: moderationService(deps),
    attendance: attendanceService(deps),
    webhooks: webhooksService(deps),
    recordings,
    outbox: outboxService(deps),
    realtimeNodes: realtimeNodesService(deps),
    /** Stops applying the media backend's events (shutdown). */
    stopFollowingMedia,
    /** Waits for the media events being applied (shutdown, before the database closes). */
    drainMedia: mediaEvents.drain,
  };
}

export type Services = ReturnType<typeof createServices>;
