// The stage: attendees ask for it (hand raises, join requests), staff bring them on, set what they
// may publish, and take them off; participants fetch a publish-capable media token.
import {
  DEFAULT_STAGE_PERMISSIONS,
  DomainError,
  type AddToStageRequest,
  type HandRaiseListResponse,
  type HandRaiseResponse,
  type JoinRequestListResponse,
  type JoinRequestResponse,
  type MyHandRaiseResponse,
  type MyJoinRequestResponse,
  type PaginationQuery,
  type RaiseHandRequest,
  type StageListResponse,
  type StageParticipantResponse,
  type StageTokenResponse,
  type UpdateStagePermissionsRequest,
} from '@vidinfra/domain';
import type { Repositories } from '@vidinfra/db';
import type { ResourceAccess } from './access.ts';
import type { Actor } from './actor.ts';
import type { Deps } from './deps.ts';
import { recordEvent } from './events.ts';
import type { MediaGrant } from '@vidinfra/media';
import { revokeMediaAccess } from './media-access.ts';
import { loadedSession, lockAgainstBans, requireUser, settingsOf } from './engagement/shared.ts';
import { seatOnStage, takeOffStage } from './engagement/stage-moves.ts';
import { stageQueues, type QueueEntry } from './engagement/stage-queues.ts';
import {
  toHandRaiseResponse,
  toJoinRequestResponse,
  toStageParticipantResponse,
  toStagePermissions,
} from './engagement/wire.ts';

/** A stage token is fetched again when it runs out, so a removal takes effect by then at most. */
export const STAGE_TOKEN_TTL_SECONDS = 3600;

type Sources = NonNullable<MediaGrant['canPublishSources']>;

/** The media sources a participant's permissions let them publish. */
function sourcesFor(permissions: ReturnType<typeof toStagePermissions>): Sources {
  const sources: Sources = [];
  if (permissions.can_publish_audio) sources.push('microphone');
  if (permissions.can_publish_video) sources.push('camera');
  if (permissions.can_publish_screen) sources.push('screen_share', 'screen_share_audio');
  return sources;
}

const offStage = () => new DomainError('NOT_FOUND', 'the user is not on stage');

export const stageService = ({ db, media, now }: Deps) => {
  const queues = stageQueues({ db, now });

  const handResponse = async (
    repos: Repositories,
    hand: QueueEntry,
    displayName: string,
  ): Promise<HandRaiseResponse> =>
    toHandRaiseResponse(
      hand,
      displayName,
      hand.status === 'pending'
        ? await repos.handRaises.position(hand.sessionId, hand.userId)
        : null,
    );

  /** The user's hand raise in the session, by user id (NOT_FOUND when they never raised one). */
  const handOf = async (sessionId: string, userId: string) => {
    const hand = await db.repos.handRaises.latest(sessionId, userId);
    if (!hand) throw new DomainError('NOT_FOUND', 'the user has not raised a hand');
    return hand;
  };

  const joinRequestOf = async (sessionId: string, requestId: string) => {
    const request = await db.repos.joinRequests.findById(requestId);
    if (!request || request.sessionId !== sessionId) {
      throw new DomainError('NOT_FOUND', 'join request not found');
    }
    return request;
  };

  return {
    async raiseHand(
      access: ResourceAccess,
      actor: Actor,
      input: RaiseHandRequest,
    ): Promise<HandRaiseResponse> {
      return queues.enqueue(
        'hand_raise',
        loadedSession(access),
        actor,
        input.message,
        async (r, hand, name) => {
          const response = await handResponse(r, hand, name);
          await recordEvent(r, 'hand.raised', hand.sessionId, response);
          return response;
        },
      );
    },

    async lowerHand(access: ResourceAccess, actor: Actor): Promise<HandRaiseResponse> {
      const { session } = loadedSession(access);
      return db.transaction(async (r) => {
        const hand = await r.handRaises.resolve(session.id, actor.id, 'withdrawn', null);
        if (!hand) throw new DomainError('NOT_FOUND', 'your hand is not raised');
        await recordEvent(r, 'hand.lowered', session.id, {
          session_id: session.id,
          user_id: actor.id,
        });
        return toHandRaiseResponse(hand, actor.displayName);
      });
    },

    async myHand(access: ResourceAccess, actor: Actor): Promise<MyHandRaiseResponse> {
      const { session } = loadedSession(access);
      const hand = await db.repos.handRaises.latest(session.id, actor.id);
      return { hand: hand ? await handResponse(db.repos, hand, actor.displayName) : null };
    },

    async requestToJoin(
      access: ResourceAccess,
      actor: Actor,
      message: string | undefined,
    ): Promise<JoinRequestResponse> {
      return queues.enqueue(
        'join_request',
        loadedSession(access),
        actor,
        message,
        async (r, request, name) => {
          const response = toJoinRequestResponse(request, name);
          await recordEvent(r, 'join_request.created', request.sessionId, response);
          return response;
        },
      );
    },

    async myJoinRequest(access: ResourceAccess, actor: Actor): Promise<MyJoinRequestResponse> {
      const { session } = loadedSession(access);
      const request = await db.repos.joinRequests.latest(session.id, actor.id);
      return { request: request ? toJoinRequestResponse(request, actor.displayName) : null };
    },

    async list(access: ResourceAccess): Promise<StageListResponse> {
      const { session } = loadedSession(access);
      const rows = await db.repos.stage.list(session.id);
      return {
        items: rows.map((row) => toStageParticipantResponse(row.participant, row.displayName)),
        max_stage_size: settingsOf(session).max_stage_size,
      };
    },

    async leave(access: ResourceAccess, actor: Actor) {
      const { session } = loadedSession(access);
      return db.transaction(async (r) => {
        if (!(await takeOffStage(r, session.id, actor.id))) throw offStage();
        return { session_id: session.id, user_id: actor.id, removed: true as const };
      });
    },

    /** A media token that may publish what the participant's permissions allow, and no more. */
    async token(access: ResourceAccess, actor: Actor): Promise<StageTokenResponse> {
      const { session } = loadedSession(access);
      const participant = await db.repos.stage.find(session.id, actor.id);
      if (!participant) throw new DomainError('FORBIDDEN', 'you are not on stage');
      if (!(await media.available())) throw new DomainError('MEDIA_UNAVAILABLE');
      const permissions = toStagePermissions(participant);
      const sources = sourcesFor(permissions);
      const token = await media.mediaToken({
        room: session.id,
        identity: actor.id,
        name: actor.displayName,
        canPublish: sources.length > 0,
        canSubscribe: true,
        canPublishSources: sources,
        ttlSeconds: STAGE_TOKEN_TTL_SECONDS,
      });
      return { token, ws_url: media.wsUrl(), room: session.id, permissions };
    },

    async add(
      access: ResourceAccess,
      actor: Actor,
      input: AddToStageRequest,
    ): Promise<StageParticipantResponse> {
      const loaded = loadedSession(access);
      const user = await requireUser(db.repos, input.user_id);
      return db.transaction(async (r) => {
        const settings = await lockAgainstBans(
          r,
          loaded,
          user.id,
          now(),
          'the user is banned from this session',
        );
        const participant = await seatOnStage(r, settings, {
          sessionId: loaded.session.id,
          userId: user.id,
          displayName: user.displayName,
          source: 'direct',
          addedBy: actor.id,
          permissions: { ...DEFAULT_STAGE_PERMISSIONS, ...input.permissions },
        });
        return toStageParticipantResponse(participant, user.displayName);
      });
    },

    async remove(access: ResourceAccess, userId: string, reason?: string) {
      const { session } = loadedSession(access);
      const removed = await db.transaction(async (r) => {
        if (!(await takeOffStage(r, session.id, userId, reason))) throw offStage();
        return { session_id: session.id, user_id: userId, removed: true as const };
      });
      await revokeMediaAccess(media, [session.id], userId);
      return removed;
    },

    async updatePermissions(
      access: ResourceAccess,
      userId: string,
      patch: UpdateStagePermissionsRequest,
    ): Promise<StageParticipantResponse> {
      const { session } = loadedSession(access);
      const user = await requireUser(db.repos, userId);
      const changes = {
        canPublishAudio: patch.can_publish_audio,
        canPublishVideo: patch.can_publish_video,
        canPublishScreen: patch.can_publish_screen,
      };
      const defined = Object.fromEntries(
        Object.entries(changes).filter(([, value]) => value !== undefined),
      );
      return db.transaction(async (r) => {
        if (!Object.keys(defined).length) {
          const current = await r.stage.find(session.id, userId);
          if (!current) throw offStage();
          return toStageParticipantResponse(current, user.displayName);
        }
        const updated = await r.stage.updatePermissions(session.id, userId, defined);
        if (!updated) throw offStage();
        const response = toStageParticipantResponse(updated, user.displayName);
        await recordEvent(r, 'stage.permissions_updated', session.id, response);
        return response;
      });
    },

    async pendingHands(
      access: ResourceAccess,
      query: PaginationQuery,
    ): Promise<HandRaiseListResponse> {
      const { session } = loadedSession(access);
      const page = await db.repos.handRaises.pendingPage(session.id, query);
      const first = (query.page - 1) * query.limit + 1;
      return {
        ...page,
        items: page.items.map((row, i) =>
          toHandRaiseResponse(row.entry, row.displayName, first + i),
        ),
      };
    },

    async approveHand(
      access: ResourceAccess,
      actor: Actor,
      userId: string,
    ): Promise<HandRaiseResponse> {
      const loaded = loadedSession(access);
      const hand = await handOf(loaded.session.id, userId);
      return queues.approve('hand_raise', loaded, actor, hand, async (r, approved, name) => {
        const response = toHandRaiseResponse(approved, name);
        await recordEvent(r, 'hand.approved', approved.userId, response);
        return response;
      });
    },

    async rejectHand(
      access: ResourceAccess,
      actor: Actor,
      userId: string,
    ): Promise<HandRaiseResponse> {
      const hand = await handOf(loadedSession(access).session.id, userId);
      return queues.reject('hand_raise', actor, hand, async (r, rejected, name) => {
        const response = toHandRaiseResponse(rejected, name);
        await recordEvent(r, 'hand.rejected', rejected.userId, response);
        return response;
      });
    },

    async pendingJoinRequests(
      access: ResourceAccess,
      query: PaginationQuery,
    ): Promise<JoinRequestListResponse> {
      const { session } = loadedSession(access);
      const page = await db.repos.joinRequests.pendingPage(session.id, query);
      return {
        ...page,
        items: page.items.map((row) => toJoinRequestResponse(row.entry, row.displayName)),
      };
    },

    async approveJoinRequest(
      access: ResourceAccess,
      actor: Actor,
      requestId: string,
    ): Promise<JoinRequestResponse> {
      const loaded = loadedSession(access);
      const request = await joinRequestOf(loaded.session.id, requestId);
      return queues.approve('join_request', loaded, actor, request, async (r, approved, name) => {
        const response = toJoinRequestResponse(approved, name);
        await recordEvent(r, 'join_request.approved', approved.userId, response);
        return response;
      });
    },

    async rejectJoinRequest(
      access: ResourceAccess,
      actor: Actor,
      requestId: string,
    ): Promise<JoinRequestResponse> {
      const request = await joinRequestOf(loadedSession(access).session.id, requestId);
      return queues.reject('join_request', actor, request, async (r, rejected, name) => {
        const response = toJoinRequestResponse(rejected, name);
        await recordEvent(r, 'join_request.rejected', rejected.userId, response);
        return response;
      });
    },
  };
};
