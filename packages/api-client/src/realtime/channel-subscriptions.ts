// A socket's channel subscriptions, shared by every follower on it and counted: the first member
// of a channel subscribes, later ones share that subscription, the channel is left when its last
// member leaves, and after a reconnection each channel still wanted is subscribed again once.
// Per channel, committed events go to every member once and in `seq` order; when some went
// missing — a gap in `seq`, or a reconnection after a drop — they are replayed with `resync`, and
// when even that cannot fill the gap the members hear that the channel is stale.
import type { RealtimeMessage, ServerMessage } from '@vidinfra/domain';
import type { RealtimeSocket } from '../realtime-socket.ts';
import { RealtimeActionError, sendAction } from './send-action.ts';

/** The part of a socket subscriptions use (a fake one in unit tests). */
export type SubscriptionSocket = Pick<RealtimeSocket, 'connected' | 'on' | 'off' | 'timeout'>;

/** One user of a channel. */
export interface ChannelMember {
  /** A committed event of the channel: once each, in `seq` order. */
  onEvent(message: RealtimeMessage): void;
  /** The channel is followed: once per member (at once when it already was). */
  onFollowing(): void;
  /** Events of the channel were lost for good. */
  onStale(): void;
  /** The server refused the channel's subscription. */
  onRefused(error: RealtimeActionError): void;
}

interface ChannelState {
  members: Set<ChannelMember>;
  /** The members told the channel is followed. */
  following: Set<ChannelMember>;
  /** The last seq handed over; null until the first subscription answers. */
  lastSeq: number | null;
  /** Events that arrived ahead of their turn, by seq. */
  ahead: Map<number, RealtimeMessage>;
  resyncing: boolean;
  /** The server took the socket out of the channel (a ban), until it subscribes again. */
  removed: boolean;
  /** The refusal of the last subscription, told to members that join after it. */
  refusal: RealtimeActionError | null;
}

export interface ChannelSubscriptions {
  /** Adds a member to the channel (subscribing it if it is the first); answers its leave. */
  join(channel: string, member: ChannelMember): () => void;
}

const bySocket = new WeakMap<SubscriptionSocket, ChannelSubscriptions>();

/** The socket's one set of subscriptions: every follower on the socket shares it. */
export function channelSubscriptions(socket: SubscriptionSocket): ChannelSubscriptions {
  let subscriptions = bySocket.get(socket);
  if (!subscriptions) {
    subscriptions = createSubscriptions(socket, () => bySocket.delete(socket));
    bySocket.set(socket, subscriptions);
  }
  return subscriptions;
}

function createSubscriptions(socket: SubscriptionSocket, onEmpty: () => void) {
  const channels = new Map<string, ChannelState>();
  /** Whether `state` is still the channel's (not left by its last member since). */
  const current = (channel: string, state: ChannelState) => channels.get(channel) === state;

  function deliver(state: ChannelState, tell: (member: ChannelMember) => void) {
    for (const member of [...state.members]) if (state.members.has(member)) tell(member);
  }

  function announceFollowing(state: ChannelState) {
    for (const member of [...state.members]) {
      if (!state.members.has(member) || state.following.has(member)) continue;
      state.following.add(member);
      member.onFollowing();
    }
  }

  /** Hands over the events that are next in line; drops what was already handed over. */
  function drain(channel: string, state: ChannelState) {
    if (state.lastSeq === null) return;
    for (const seq of [...state.ahead.keys()]) if (seq <= state.lastSeq) state.ahead.delete(seq);
    let next = state.ahead.get(state.lastSeq + 1);
    while (next && current(channel, state)) {
      const message = next;
      state.ahead.delete(message.seq);
      state.lastSeq = message.seq;
      deliver(state, (member) => member.onEvent(message));
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
        drain(channel, state);
        if (result.complete || result.events.length === 0 || !current(channel, state)) break;
      }
    } catch {
      // Replay failed: fall through to the stale check below.
    } finally {
      state.resyncing = false;
    }
    const target = Math.max(upTo ?? 0, ...state.ahead.keys());
    if (current(channel, state) && state.lastSeq < target) {
      // Still missing some: the members reload the channel's data and follow on from there.
      const firstAhead = Math.min(...state.ahead.keys()); // Infinity when none arrived
      state.lastSeq = Number.isFinite(firstAhead) ? firstAhead - 1 : target;
      deliver(state, (member) => member.onStale());
      drain(channel, state);
    }
  }

  async function subscribe(channel: string, state: ChannelState) {
    try {
      const { last_seq } = await sendAction(socket, 'subscribe', { channel });
      if (!current(channel, state)) return;
      state.removed = false;
      state.refusal = null;
      if (state.lastSeq === null) {
        // First subscription: the members loaded the current state; follow on from here.
        state.lastSeq = last_seq;
        announceFollowing(state);
        drain(channel, state);
      } else {
        announceFollowing(state);
        if (last_seq > state.lastSeq) await catchUp(channel, state, last_seq);
      }
    } catch (error) {
      if (!current(channel, state)) return;
      const refusal =
        error instanceof RealtimeActionError
          ? error
          : new RealtimeActionError({ code: 'INTERNAL', message: String(error) });
      state.refusal = refusal;
      deliver(state, (member) => member.onRefused(refusal));
    }
  }

  const onConnect = () => {
    for (const [channel, state] of channels) void subscribe(channel, state);
  };
  const onEvent = (envelope: ServerMessage<'event'>) => {
    const state = channels.get(envelope.channel);
    if (!state || state.removed) return;
    const message = envelope as RealtimeMessage;
    if (state.lastSeq !== null && message.seq <= state.lastSeq) return;
    state.ahead.set(message.seq, message);
    if (state.lastSeq === null) return; // applied once the subscription answers
    drain(envelope.channel, state);
    if (state.ahead.size > 0) void catchUp(envelope.channel, state);
  };
  const onRemoved = (message: ServerMessage<'channel:removed'>) => {
    for (const channel of message.channels) {
      const state = channels.get(channel);
      if (state) state.removed = true;
    }
  };

  function join(channel: string, member: ChannelMember): () => void {
    if (channels.size === 0) {
      socket.on('connect', onConnect);
      socket.on('event', onEvent);
      socket.on('channel:removed', onRemoved);
    }
    let state = channels.get(channel);
    if (!state) {
      state = {
        members: new Set([member]),
        following: new Set(),
        lastSeq: null,
        ahead: new Map(),
        resyncing: false,
        removed: false,
        refusal: null,
      };
      channels.set(channel, state);
      if (socket.connected) void subscribe(channel, state);
    } else if (state.removed && socket.connected) {
      // The server took the socket out of the channel: it says again whether it may follow.
      state.members.add(member);
      void subscribe(channel, state);
    } else {
      state.members.add(member);
      // Shares the subscription: told what the others were told, after the caller returns.
      const joined = state;
      queueMicrotask(() => {
        if (!joined.members.has(member)) return;
        if (joined.refusal) member.onRefused(joined.refusal);
        else if (joined.lastSeq !== null) announceFollowing(joined);
      });
    }
    const joined = state;
    return () => {
      if (!joined.members.delete(member)) return;
      joined.following.delete(member);
      if (joined.members.size > 0 || !current(channel, joined)) return;
      channels.delete(channel);
      if (socket.connected)
        void sendAction(socket, 'unsubscribe', { channel }).catch(() => undefined);
      if (channels.size === 0) {
        socket.off('connect', onConnect);
        socket.off('event', onEvent);
        socket.off('channel:removed', onRemoved);
        onEmpty();
      }
    };
  }

  return { join };
}
