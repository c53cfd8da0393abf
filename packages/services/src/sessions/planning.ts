// Scheduling a session and changing it outside its lifecycle: create, delete, reschedule,
// runtime settings, and the host's camera/microphone state.
import {
  canDelete,
  canReschedule,
  DomainError,
  resolveSessionSettings,
  SessionStatus,
  type CreateSessionRequest,
  type CreateSessionResponse,
  type HostMediaStateRequest,
  type HostMediaStateResponse,
  type RescheduleSessionRequest,
  type SessionResponse,
  type SessionSettingsPatch,
  type UpdateSessionSettingsRequest,
} from '@vidinfra/domain';
import type { Preset, Room } from '@vidinfra/db';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { recordEvent } from '../events.ts';
import { setHostMedia, type HostMediaKind } from '../host-media.ts';
import { iso } from '../mappers.ts';
import type { LoadedSession } from '../access.ts';
import { settingsOf } from '../session-facts.ts';
import { futureTime, sessionResponder } from './shared.ts';

const DELETABLE = SessionStatus.options.filter(canDelete);

const notScheduled = () =>
  new DomainError('INVALID_STATE_TRANSITION', 'Only a scheduled session can be rescheduled');

export const sessionPlanning = (deps: Deps) => {
  const { db, now } = deps;
  const respond = sessionResponder(deps);

  /** The caller's preset named in the request, else the caller's default one (if any). */
  const presetFor = async (actor: Actor, presetId: string | undefined): Promise<Preset | null> => {
    if (!presetId) return db.repos.presets.defaultFor(actor.id);
    const preset = await db.repos.presets.findById(presetId);
    if (!preset || preset.ownerId !== actor.id)
      throw new DomainError('NOT_FOUND', 'preset not found');
    return preset;
  };

  return {
    async create(
      room: Room,
      actor: Actor,
      input: CreateSessionRequest,
    ): Promise<CreateSessionResponse> {
      const scheduledAt = futureTime(input.scheduled_at, now());
      const preset = await presetFor(actor, input.preset_id);
      const settings = resolveSessionSettings(
        preset?.defaultSettings as SessionSettingsPatch | undefined,
        input.settings,
      );
      const session = await db.repos.sessions.create({
        roomId: room.id,
        title: input.title,
        description: input.description ?? null,
        scheduledAt,
        presetId: preset?.id ?? null,
        settings,
      });
      return respond.one(session, room);
    },

    /** Refuses (SESSION_LIVE) while live. */
    async delete({ session }: LoadedSession): Promise<{ id: string; deleted: true }> {
      if (!(await db.repos.sessions.deleteInStatus(session.id, DELETABLE))) {
        const current = await db.repos.sessions.findById(session.id);
        if (!current) throw new DomainError('NOT_FOUND', 'session not found');
        throw new DomainError('SESSION_LIVE', 'the session is live; end it first');
      }
      return { id: session.id, deleted: true };
    },

    /** Only while scheduled; tells the session and every reminder subscriber of the room. */
    async reschedule(
      { session, room }: LoadedSession,
      input: RescheduleSessionRequest,
    ): Promise<SessionResponse> {
      const scheduledAt = futureTime(input.scheduled_at, now());
      if (!canReschedule(session.status)) throw notScheduled();
      const updated = await db.transaction(async (r) => {
        const moved = await r.sessions.transition(session.id, ['scheduled'], 'scheduled', {
          scheduledAt,
        });
        if (!moved) throw notScheduled();
        const times = {
          scheduled_at: iso(scheduledAt),
          previous_scheduled_at: iso(session.scheduledAt),
        };
        await recordEvent(r, 'session.rescheduled', session.id, {
          session_id: session.id,
          ...times,
        });
        for (const userId of await r.reminders.subscriberIds(room.id)) {
          await recordEvent(r, 'reminder.rescheduled', userId, {
            room_id: room.id,
            session_id: session.id,
            title: moved.title,
            ...times,
          });
        }
        return moved;
      });
      return respond.one(updated, room);
    },

    /** Merges the given settings into the session's. */
    async updateSettings(
      { session, room }: LoadedSession,
      patch: UpdateSessionSettingsRequest,
    ): Promise<SessionResponse> {
      const updated = await db.transaction(async (r) => {
        const merged = await r.sessions.mergeSettings(session.id, patch);
        if (!merged) throw new DomainError('NOT_FOUND', 'session not found');
        await recordEvent(r, 'session.settings_updated', session.id, {
          session_id: session.id,
          settings: settingsOf(merged),
        });
        return merged;
      });
      return respond.one(updated, room);
    },

    /**
     * Tells everyone in the session that the host turned the camera / microphone on or off, and
     * keeps it on the session (its `host_media`) for those who come later.
     */
    async hostMedia(
      { session }: LoadedSession,
      actor: Actor,
      { kind, enabled }: HostMediaStateRequest & { kind: HostMediaKind },
    ): Promise<HostMediaStateResponse> {
      await db.transaction((r) => setHostMedia(r, session.id, { kind, enabled, by: actor.id }));
      return { session_id: session.id, enabled };
    },
  };
};
