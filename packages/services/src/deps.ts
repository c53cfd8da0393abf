import type { Database } from '@vidinfra/db';
import type { IceServer } from '@vidinfra/domain';
import type { MediaBackend } from '@vidinfra/media';

export interface ServiceConfig {
  /** HS256 key for access tokens; at least 32 bytes. */
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Seconds during which an already-rotated refresh token may be presented again (concurrent tabs). */
  refreshReuseGraceSeconds: number;
  /** How long a signed playback's restriction tokens live (default 3600). */
  playbackTokenTtlSeconds?: number;
  /** STUN/TURN servers for the stage's browser-to-studio WebRTC (none: loopback / LAN). */
  iceServers?: IceServer[];
  /** Where the web apps are served, e.g. `http://localhost:3000`. */
  publicUrl: string;
  livekit: { url: string | null; apiKey: string; apiSecret: string };
  /** Where HLS output and recordings are kept on disk (embedded mode). */
  dataDir?: string;
}

/** What every service is built from. */
export interface Deps {
  db: Database;
  config: ServiceConfig;
  media: MediaBackend;
  now(): Date;
}
