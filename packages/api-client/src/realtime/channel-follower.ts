// Following realtime channels: each committed event handed to the app once and in `seq` order,
// gaps replayed with `resync`, the app told when a channel went stale (see channel-subscriptions:
// the followers of one socket share its subscriptions, counted per channel, so two followers of a
// channel make one subscription and one leaving does not unsubscribe the other).
import type { RealtimeMessage, ServerMessage } from '@vidinfra/domain';
import { channelSubscriptions, type SubscriptionSocket } from './channel-subscriptions.ts';
import type { RealtimeActionError } from './send-action.ts';

export interface FollowHandlers {
  /** A committed event of a followed channel: once each, in `seq` order per channel. */
  onEvent(message: RealtimeMessage): void;
  /** Events of the channel were lost for good: refetch what it covers. */
  onStale?(channel: string): void;
  /**
   * The channel's first subscription answered (or, the channel followed already by another
   * follower on the socket, at once): events from here on will arrive. An app that read its
   * state before (e.g. under another identity) reads it again now to miss nothing.
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
export type FollowSocket = SubscriptionSocket;

export interface ChannelFollower {
  /** Stop following: leaves the channels (the last follower of one unsubscribes it). */
  stop(): void;
}

export function followChannels(
  socket: FollowSocket,
  channels: readonly string[],
  handlers: FollowHandlers,
): ChannelFollower {
  const subscriptions = channelSubscriptions(socket);
  const ours = new Set(channels);
  const leaves = [...ours].map((channel) =>
    subscriptions.join(channel, {
      onEvent: (message) => handlers.onEvent(message),
      onFollowing: () => handlers.onFollowing?.(channel),
      onStale: () => handlers.onStale?.(channel),
      onRefused: (error) => handlers.onRefused?.(channel, error),
    }),
  );

  const onConnect = () => handlers.onConnectionChange?.(true);
  const onDisconnect = () => handlers.onConnectionChange?.(false);
  const onRemoved = (message: ServerMessage<'channel:removed'>) => {
    if (message.channels.some((channel) => ours.has(channel))) handlers.onRemoved?.(message);
  };
  const onViewerCount = (message: ServerMessage<'viewer_count'>) =>
    handlers.onViewerCount?.(message);
  const onStageUnpublish = (message: ServerMessage<'stage:unpublish'>) =>
    handlers.onStageUnpublish?.(message);

  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  socket.on('channel:removed', onRemoved);
  socket.on('viewer_count', onViewerCount);
  socket.on('stage:unpublish', onStageUnpublish);
  if (socket.connected) onConnect();

  return {
    stop() {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('channel:removed', onRemoved);
      socket.off('viewer_count', onViewerCount);
      socket.off('stage:unpublish', onStageUnpublish);
      for (const leave of leaves) leave();
    },
  };
}
