// The stage guests' streams in the studio, as React state: who is on stage comes from the stage
// list (read at start, after a reconnection, and when someone is added) and the session's
// events; each guest gets a peer connection (createGuestPeers), closed at once when the guest is
// removed or banned. `source` null: nothing yet (no realtime connection).
import {
  followChannels,
  rtcSignalling,
  type FollowSocket,
  type SignalSocket,
} from '@vidinfra/api-client';
import { sessionChannel, staffChannel, type StageListResponse } from '@vidinfra/domain';
import { useEffect, useState } from 'react';
import { createGuestPeers, type GuestPeers, type GuestPeerState } from './guest-peers.ts';

export interface GuestStream {
  userId: string;
  displayName: string;
  /** The guest's camera and microphone; null until they arrive. */
  stream: MediaStream | null;
  state: GuestPeerState;
}

export interface GuestStreamsSource {
  /** The studio's realtime socket (signed in as the host side). */
  socket: FollowSocket & SignalSocket;
  /** `GET /sessions/{id}/stage`. */
  readStage(): Promise<StageListResponse>;
}

export function useGuestStreams(
  sessionId: string,
  source: GuestStreamsSource | null,
): GuestStream[] {
  const [guests, setGuests] = useState<GuestStream[]>([]);

  useEffect(() => {
    if (!source) return;
    let stopped = false;
    let peers: GuestPeers | null = null;
    const byUser = new Map<string, GuestStream>();
    const publish = () =>
      setGuests([...byUser.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)));
    const update = (userId: string, change: Partial<GuestStream>) => {
      const guest = byUser.get(userId);
      if (!guest) return;
      byUser.set(userId, { ...guest, ...change });
      publish();
    };
    /** Bumped by every stage change: a read begun before it is read again. */
    let version = 0;

    async function readStage() {
      const asked = version;
      const stage = await source!.readStage();
      if (stopped) return;
      if (asked !== version) return void readStage().catch(() => {});
      // With LiveKit, guests publish to the room and its egress composites them: no peers here.
      if (stage.media_backend === 'livekit') return;
      peers ??= createGuestPeers({
        signalling: rtcSignalling(source!.socket, sessionId),
        iceServers: stage.ice_servers,
        onGuestStream: (userId, stream) => update(userId, { stream }),
        onState: (userId, state) => update(userId, { state }),
      });
      for (const userId of [...byUser.keys()])
        if (!stage.items.some((p) => p.user_id === userId)) byUser.delete(userId);
      for (const participant of stage.items) {
        const known = byUser.get(participant.user_id);
        byUser.set(participant.user_id, {
          userId: participant.user_id,
          displayName: participant.display_name,
          stream: known?.stream ?? null,
          state: known?.state ?? 'calling',
        });
      }
      peers.setParticipants(stage.items.map((p) => p.user_id));
      publish();
    }
    const refresh = () => void readStage().catch(() => {});

    const takeOff = (userId: string) => {
      version++;
      peers?.remove(userId);
      if (byUser.delete(userId)) publish();
    };

    const follower = followChannels(
      source.socket,
      [sessionChannel(sessionId), staffChannel(sessionId)],
      {
        onEvent(message) {
          if (message.event === 'stage.participant_added') {
            version++;
            refresh();
          }
          if (
            message.event === 'stage.participant_removed' ||
            message.event === 'moderation.banned'
          )
            takeOff(message.payload.user_id);
        },
        onFollowing: refresh,
        onStale: refresh,
      },
    );

    return () => {
      stopped = true;
      follower.stop();
      peers?.close();
      setGuests([]);
    };
  }, [sessionId, source]);

  return guests;
}
