// The stage: attendees ask for it (hand raises, join requests), staff bring them on, set what they
// may publish, and take them off; participants fetch a publish-capable media token.
import {
  DEFAULT_STAGE_PERMISSIONS,
  DomainError,
  type AddToStageRequest,
  type CreateJoinRequestRequest,
  type HandRaiseListResponse,
  type HandRaiseResponse,
  type JoinRequestListResponse,
  type JoinRequestResponse,
  type MyHandRaiseResponse,
  type MyJoinRequestResponse,
  type PaginationQuery,
  type RaiseHandRequest,
  type RemoveFromStageRequest,
  type StageListResponse,
  type StageParticipantResponse,
  type StageTokenResponse,
  type UpdateStagePermissionsRequest,
} from '@vidinfra/domain';
import type { Repositories } from '@vidinfra/db';
import type { LoadedSession } from './access.ts';
import type { Actor } from './actor.ts';
import type { Deps } from './deps.ts';
import { recordEvent } from './events.ts';
import type { MediaGrant } from '@vidinfra/media';
import { revokeMediaAccess } from './media-access.ts';
import { lockAgainstBans, requireUser } from './engagement/shared.ts';
import { settingsOf } from './session-facts.ts';
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

export const stageService = ({ db, media, now, config }: Deps) => {
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
      target: LoadedSession,
      actor: Actor,
      input: RaiseHandRequest,
    ): Promise<HandRaiseResponse> {
      return queues.enqueue('hand_raise', target, actor, input.message, async (r, hand, name) => {
        const response = await handResponse(r, hand, name);
        await recordEvent(r, 'hand.raised', hand.sessionId, response);
        return response;
      });
    },

    async lowerHand(target: LoadedSession, actor: Actor): Promise<HandRaiseResponse> {
      const { session } = target;
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

    async myHand(target: LoadedSession, actor: Actor): Promise<MyHandRaiseResponse> {
      const { session } = target;
      const hand = await db.repos.handRaises.latest(session.id, actor.id);
      return { hand: hand ? await handResponse(db.repos, hand, actor.displayName) : null };
    },

    async requestToJoin(
      target: LoadedSession,
      actor: Actor,
      input: CreateJoinRequestRequest,
    ): Promise<JoinRequestResponse> {
      return queues.enqueue(
        'join_request',
        target,
        actor,
        input.message,
        async (r, request, name) => {
          const response = toJoinRequestResponse(request, name);
          await recordEvent(r, 'join_request.created', request.sessionId, response);
          return response;
        },
      );
    },

    async myJoinRequest(target: LoadedSession, actor: Actor): Promise<MyJoinRequestResponse> {
      const { session } = target;
      const request = await db.repos.joinRequests.latest(session.id, actor.id);
      return { request: request ? toJoinRequestResponse(request, actor.displayName) : null };
    },

    async list(target: LoadedSession): Promise<StageListResponse> {
      const { session } = target;
      const rows = await db.repos.stage.list(session.id);
      return {
        items: rows.map((row) => toStageParticipantResponse(row.participant, row.displayName)),
        max_stage_size: settingsOf(session).max_stage_size,
        ice_servers: config.iceServers ?? [],
        media_backend: media.kind,
      };
    },

    async leave(target: LoadedSession, actor: Actor) {
      const { session } = target;
      return db.transaction(async (r) => {
        if (!(await takeOffStage(r, session.id, actor.id))) throw offStage();
        return { session_id: session.id, user_id: actor.id, removed: true as const };
      });
    },

    /** A media token that may publish what the participant's permissions allow, and no more. */
    async token(target: LoadedSession, actor: Actor): Promise<StageTokenResponse> {
      const { session } = target;
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
      target: LoadedSession,
      actor: Actor,
      input: AddToStageRequest,
    ): Promise<StageParticipantResponse> {
      const user = await requireUser(db.repos, input.user_id);
      return db.transaction(async (r) => {
        const settings = await lockAgainstBans(
          r,
          target,
          user.id,
          now(),
          'the user is banned from this session',
        );
        const participant = await seatOnStage(r, settings, {
          sessionId: target.session.id,
          userId: user.id,
          displayName: user.displayName,
          source: 'direct',
          addedBy: actor.id,
          permissions: { ...DEFAULT_STAGE_PERMISSIONS, ...input.permissions },
        });
        return toStageParticipantResponse(participant, user.displayName);
      });
    },

    async remove(target: LoadedSession, { user_id: userId, reason }: RemoveFromStageRequest) {
      const { session } = target;
      const removed = await db.transaction(async (r) => {
        if (!(await takeOffStage(r, session.id, userId, reason))) throw offStage();
        return { session_id: session.id, user_id: userId, removed: true as const };
      });
      await revokeMediaAccess(media, [session.id], userId);
      return removed;
    },

    async updatePermissions(
      target: LoadedSession,
      { user_id: userId, ...patch }: UpdateStagePermissionsRequest & { user_id: string },
    ): Promise<StageParticipantResponse> {
      const { session } = target;
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
      target: LoadedSession,
      query: PaginationQuery,
    ): Promise<HandRaiseListResponse> {
      const { session } = target;
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
      target: LoadedSession,
      actor: Actor,
      userId: string,
    ): Promise<HandRaiseResponse> {
      const hand = await handOf(target.session.id, userId);
      return queues.approve('hand_raise', target, actor, hand, async (r, approved, name) => {
        const response = toHandRaiseResponse(approved, name);
        await recordEvent(r, 'hand.approved', approved.userId, response);
        return response;
      });
    },

    async rejectHand(
      target: LoadedSession,
      actor: Actor,
      userId: string,
    ): Promise<HandRaiseResponse> {
      const hand = await handOf(target.session.id, userId);
      return queues.reject('hand_raise', actor, hand, async (r, rejected, name) => {
        const response = toHandRaiseResponse(rejected, name);
        await recordEvent(r, 'hand.rejected', rejected.userId, response);
        return response;
      });
    },

    async pendingJoinRequests(
      target: LoadedSession,
      query: PaginationQuery,
    ): Promise<JoinRequestListResponse> {
      const { session } = target;
      const page = await db.repos.joinRequests.pendingPage(session.id, query);
      return {
        ...page,
        items: page.items.map((row) => toJoinRequestResponse(row.entry, row.displayName)),
      };
    },

    async approveJoinRequest(
      target: LoadedSession,
      actor: Actor,
      requestId: string,
    ): Promise<JoinRequestResponse> {
      const request = await joinRequestOf(target.session.id, requestId);
      return queues.approve('join_request', target, actor, request, async (r, approved, name) => {
        const response = toJoinRequestResponse(approved, name);
        await recordEvent(r, 'join_request.approved', approved.userId, response);
        return response;
      });
    },

    async rejectJoinRequest(
      target: LoadedSession,
      actor: Actor,
      requestId: string,
    ): Promise<JoinRequestResponse> {
      const request = await joinRequestOf(target.session.id, requestId);
      return queues.reject('join_request', actor, request, async (r, rejected, name) => {
        const response = toJoinRequestResponse(rejected, name);
        await recordEvent(r, 'join_request.rejected', rejected.userId, response);
        return response;
      });
    },
  };
};
