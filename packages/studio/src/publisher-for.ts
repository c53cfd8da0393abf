// The publisher a session needs, from what `join` answered: the local ingest's WebSocket, or the
// LiveKit room when the server runs the LiveKit backend.
import type { JoinSessionResponse } from '@vidinfra/domain';
import { createLiveKitPublisher } from './livekit-publisher.ts';
import { chooseMimeType } from './mime.ts';
import {
  createPublisher,
  type PublishState,
  type PublishStats,
  type Publisher,
} from './publisher.ts';

export interface PublishTarget {
  sessionId: string;
  stream: MediaStream;
  videoBitsPerSecond?: number;
  onState(state: PublishState): void;
  onStats?(stats: PublishStats): void;
}

export function publisherFor(joined: JoinSessionResponse, target: PublishTarget): Publisher {
  const { sessionId, ...common } = target;
  if (joined.media_backend === 'livekit')
    return createLiveKitPublisher({ ...common, url: joined.ws_url, token: joined.token });
  return createPublisher({
    ...common,
    ingestUrl: `${joined.ws_url}/sessions/${sessionId}?token=${encodeURIComponent(joined.token)}`,
    mimeType: chooseMimeType((type) => MediaRecorder.isTypeSupported(type)),
  });
}
