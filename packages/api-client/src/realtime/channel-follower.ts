// Following realtime channels: subscribe (again after every reconnection), hand each committed
// event to the app once and in `seq` order, and when some went missing — a gap in `seq`, or a
// reconnection after a drop — replay them with `resync`; when even that cannot fill the gap,
// tell the app the channel is stale so it refetches what the channel covers.
import type { RealtimeMessage, ServerMessage } from '@vidinfra/domain';
import type { RealtimeSocket } from '../realtime-socket.ts';
import { RealtimeActionError, sendAction } from './send-action.ts';

export interface FollowHandlers {
  /** A committed event of a followed channel: once each, in `seq` order per channel. */
  onEvent(message: RealtimeMessage): void;
  /** Events of the channel were lost for good: refetch what it covers. */
  onStale?(channel: string): void;
  /**
   * The channel's first subscription answered: events from here on will arrive. An app that
   * read its state before (e.g. under another identity) reads it again now to miss nothing.
   */
  onFollowing?(channel: string): void;
  /** The server refused the channel (banned, signed out, not found). */
  onRefused?(channel: string, error: RealtimeActionError): void;
  /** The server took the socket out of channels (a ban). */
  onRemoved?(message: ServerMessage<'channel:removed'>): void;
  onViewerCount?(message: ServerMessage<'viewer_count'>): void;
  onStageUnpublish?(message: ServerMessage<'stage:unpublish'>): void;
  /** Whether the channels are followed now (false while the connection is down). */
  onConnectionChange?(connected: boolean): void;
}

/** The part of a socket the follower uses (a fake one in unit tests). */
export type FollowSocket = Pick<RealtimeSocket, 'connected' | 'on' | 'off' | 'timeout'>;

interface ChannelState {
  /** The last seq handed to the app; null until the first subscription answers. */
  lastSeq: number | null;
  /** Events that arrived ahead of their turn, by seq. */
  ahead: Map<number, RealtimeMessage>;
  resyncing: boolean;
  removed: boolean;
}

export interface ChannelFollower {
  /** Stop following: leaves the channels and removes the listeners. */
  stop(): void;
}

export function followChannels(
  socket: FollowSocket,
  channels: readonly string[],
  handlers: FollowHandlers,
): ChannelFollower {
  const states = new Map<string, ChannelState>(
    channels.map((channel) => [
      channel,
      { lastSeq: null, ahead: new Map(), resyncing: false, removed: false },
    ]),
  );
  let stopped = false;

  /** Hands over the events that are next in line; drops what was already handed over. */
  function drain(state: ChannelState) {
    if (state.lastSeq === null) return;
    for (const seq of [...state.ahead.keys()]) if (seq <= state.lastSeq) state.ahead.delete(seq);
    let next = state.ahead.get(state.lastSeq + 1);
    while (next && !stopped) {
      state.ahead.delete(next.seq);
      state.lastSeq = next.seq;
      handlers.onEvent(next);
      next = state.ahead.get(state.lastSeq + 1);
    }
  }

  /** Replays the events after lastSeq (up to `upTo` when known); stale when it cannot. */
  async function catchUp(channel: string, state: ChannelState, upTo?: number) {
    if (state.resyncing || state.lastSeq === null) return;
    state.resyncing = true;
    try {
      for (;;) {
        const result = await sendAction(socket, 'resync', {
          channel,
          after_seq: state.lastSeq,
        });
        for (const event of result.events) state.ahead.set(event.seq, event as RealtimeMessage);
        drain(state);
        if (result.complete || result.events.length === 0 || stopped) break;
      }
    } catch {
      // Replay failed: fall through to the stale check below.
    } finally {
      state.resyncing = false;
    }
    const target = Math.max(upTo ?? 0, ...state.ahead.keys());
    if (!stopped && state.lastSeq < target) {
      // Still missing some: the app reloads the channel's data and follows on from there.
      const firstAhead = Math.min(...state.ahead.keys()); // Infinity when none arrived
      state.lastSeq = Number.isFinite(firstAhead) ? firstAhead - 1 : target;
      handlers.onStale?.(channel);
      drain(state);
    }
  }

  async function subscribe(channel: string, state: ChannelState) {
    try {
      const { last_seq } = await sendAction(socket, 'subscribe', { channel });
      if (stopped) return;
      state.removed = false;
      if (state.lastSeq === null) {
        // First subscription: the app loaded the current state; follow on from here.
        state.lastSeq = last_seq;
        handlers.onFollowing?.(channel);
        drain(state);
      } else if (last_seq > state.lastSeq) {
        await catchUp(channel, state, last_seq);
      }
    } catch (error) {
      if (stopped) return;
      const refusal =
        error instanceof RealtimeActionError
          ? error
          : new RealtimeActionError({ code: 'INTERNAL', message: String(error) });
      handlers.onRefused?.(channel, refusal);
    }
  }

  const onConnect = () => {
    handlers.onConnectionChange?.(true);
    for (const [channel, state] of states) void subscribe(channel, state);
  };
  const onDisconnect = () => handlers.onConnectionChange?.(false);
  const onEvent = (envelope: ServerMessage<'event'>) => {
    const state = states.get(envelope.channel);
    if (!state || state.removed) return;
    const message = envelope as RealtimeMessage;
    if (state.lastSeq !== null && message.seq <= state.lastSeq) return;
    state.ahead.set(message.seq, message);
    if (state.lastSeq === null) return; // applied once the subscription answers
    drain(state);
    if (state.ahead.size > 0) void catchUp(envelope.channel, state);
  };
  const onRemoved = (message: ServerMessage<'channel:removed'>) => {
    const ours = message.channels.filter((channel) => states.has(channel));
    if (ours.length === 0) return;
    for (const channel of ours) states.get(channel)!.removed = true;
    handlers.onRemoved?.(message);
  };
  const onViewerCount = (message: ServerMessage<'viewer_count'>) =>
    handlers.onViewerCount?.(message);
  const onStageUnpublish = (message: ServerMessage<'stage:unpublish'>) =>
    handlers.onStageUnpublish?.(message);

  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  socket.on('event', onEvent);
  socket.on('channel:removed', onRemoved);
  socket.on('viewer_count', onViewerCount);
  socket.on('stage:unpublish', onStageUnpublish);
  if (socket.connected) onConnect();

  return {
    stop() {
      stopped = true;
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('event', onEvent);
      socket.off('channel:removed', onRemoved);
      socket.off('viewer_count', onViewerCount);
      socket.off('stage:unpublish', onStageUnpublish);
      if (socket.connected) {
        for (const channel of states.keys())
          void sendAction(socket, 'unsubscribe', { channel }).catch(() => undefined);
      }
    },
  };
}
