import { AccessToken, TrackSource } from 'livekit-server-sdk';
import type { MediaGrant } from './backend.ts';

const SOURCES = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
} as const;

/** A LiveKit access token for the grant, signed with the API key and secret. */
export async function livekitToken(
  grant: MediaGrant,
  apiKey: string,
  apiSecret: string,
): Promise<string> {
  const token = new AccessToken(apiKey, apiSecret, {
    identity: grant.identity,
    name: grant.name,
    ttl: grant.ttlSeconds,
  });
  token.addGrant({
    room: grant.room,
    roomJoin: true,
    canPublish: grant.canPublish,
    canSubscribe: grant.canSubscribe,
    canPublishData: grant.canPublish,
    hidden: grant.hidden ?? false,
    ...(grant.canPublishSources && {
      canPublishSources: grant.canPublishSources.map((s) => SOURCES[s]),
    }),
  });
  return token.toJwt();
}
