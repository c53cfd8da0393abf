// Getting into a session's media: join and monitor tokens, the one-time studio URL, the share
// URLs, and the health of its output and of its viewers' playback.
import {
  DomainError,
  isHostSide,
  type JoinSessionResponse,
  type MonitorTokenResponse,
  type ShareURLResponse,
  type StreamHealthResponse,
  type StudioURLResponse,
} from '@vidinfra/domain';
import type { StageParticipant } from '@vidinfra/db';
import type { LoadedSession, SessionAccess } from '../access.ts';
import type { Actor } from '../actor.ts';
import { authService } from '../auth/service.ts';
import type { Deps } from '../deps.ts';
import type { MediaGrant } from '@vidinfra/media';
import { iso } from '../mappers.ts';
import { expiresAt } from '../tokens.ts';
import type { ViewerReportsService } from '../viewer-reports.ts';
import { livePlaybackId, MEDIA_TOKEN_TTL_SECONDS, requireMedia } from './shared.ts';

type Source = NonNullable<MediaGrant['canPublishSources']>[number];

/** What a stage participant may publish, from their stage permissions. */
const stageSources = (stage: StageParticipant | null): Source[] => [
  ...(stage?.canPublishVideo ? (['camera'] as const) : []),
  ...(stage?.canPublishAudio ? (['microphone'] as const) : []),
  ...(stage?.canPublishScreen ? (['screen_share', 'screen_share_audio'] as const) : []),
];

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The embeddable player: an iframe to the embed page, every attribute value escaped. */
export const embedHtml = (src: string, title: string) =>
  `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="640" height="360" ` +
  `frameborder="0" allow="autoplay; fullscreen; picture-in-picture" allowfullscreen></iframe>`;

export const sessionMediaAccess = (deps: Deps, viewerReports: ViewerReportsService) => {
  const { db, config, media, now } = deps;
  const auth = authService(deps);
  const sessionUrl = (id: string) => `${config.publicUrl}/sessions/${id}`;

  /** Host side publishes anything; stage participants what the stage lets them; others watch. */
  const publishableSources = async (
    { session, context }: SessionAccess,
    actor: Actor,
  ): Promise<Source[] | 'all'> => {
    const role = context.sessionRole;
    if (isHostSide(role, actor.role)) return 'all';
    if (role !== 'participant') return [];
    return stageSources(await db.repos.stage.find(session.id, actor.id));
  };

  return {
    /**
     * A media token scoped to the caller's session role, and where to play the session. Opens
     * the caller's attendance while the session is backstage or live. BANNED callers are
     * refused (the host side is never banned).
     */
    async join(target: SessionAccess, actor: Actor): Promise<JoinSessionResponse> {
      const { session, context } = target;
      const role = context.sessionRole ?? 'viewer';
      if (context.banned && !isHostSide(role, actor.role)) throw new DomainError('BANNED');
      await requireMedia(media);
      const sources = await publishableSources(target, actor);
      const token = await media.mediaToken({
        room: session.id,
        identity: actor.id,
        name: actor.displayName,
        canPublish: sources === 'all' || sources.length > 0,
        canSubscribe: true,
        ...(sources !== 'all' && sources.length > 0 && { canPublishSources: sources }),
        ttlSeconds: MEDIA_TOKEN_TTL_SECONDS,
      });
      if (session.status === 'backstage' || session.status === 'live') {
        await db.repos.attendance.open(session.id, actor.id, now());
      }
      return {
        token,
        ws_url: media.wsUrl(),
        room: session.id,
        role,
        hls_url: media.hlsUrl(session.id),
        playback_id: livePlaybackId(session.id),
        expires_at: expiresAt(token),
        media_backend: media.kind,
      };
    },

    /** Subscribe-only and hidden: staff watch the media room without showing up in it. */
    async monitorToken({ session }: LoadedSession, actor: Actor): Promise<MonitorTokenResponse> {
      await requireMedia(media);
      const token = await media.mediaToken({
        room: session.id,
        identity: `monitor:${actor.id}`,
        name: actor.displayName,
        canPublish: false,
        canSubscribe: true,
        hidden: true,
        ttlSeconds: MEDIA_TOKEN_TTL_SECONDS,
      });
      return {
        token,
        ws_url: media.wsUrl(),
        room: session.id,
        expires_in: MEDIA_TOKEN_TTL_SECONDS,
      };
    },

    /** The browser studio's URL with a one-time code (60 s) that signs the host in. */
    async studioUrl(
      { session }: LoadedSession,
      actor: Actor,
      libraryId: string | null,
    ): Promise<StudioURLResponse> {
      await requireMedia(media);
      const { code, expires_in } = await auth.generateCode(actor, {
        purpose: 'studio',
        sessionId: session.id,
        libraryId: libraryId ?? undefined,
      });
      return { url: `${sessionUrl(session.id)}/live?code=${code}`, expires_in };
    },

    shareUrls({ session }: LoadedSession): ShareURLResponse {
      return {
        viewer_url: sessionUrl(session.id),
        embed_html: embedHtml(`${config.publicUrl}/embed/sessions/${session.id}`, session.title),
        hls_url: media.hlsUrl(session.id),
      };
    },

    async health({ session }: LoadedSession): Promise<StreamHealthResponse> {
      await requireMedia(media);
      const [output, viewers, quality] = await Promise.all([
        media.outputStatus(session.id),
        db.repos.sessions.viewerCount(session.id),
        viewerReports.quality(session.id),
      ]);
      return {
        session_id: session.id,
        status: session.status,
        output: output.state,
        bitrate_kbps: output.bitrateKbps,
        fps: output.fps,
        segment_age_seconds: output.segmentAgeSeconds,
        speed: output.speed,
        viewers,
        ...quality,
        checked_at: iso(now()),
      };
    },
  };
};
