// Configuration from the environment, checked at start-up: every bad value is named in one
// message of its own, and the process does not start with any of them. Every node reads the same
// variables (an API node, a standalone realtime node, the embedded default).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IceServer } from '@vidinfra/domain';
import { z } from 'zod';
import { allowedOrigins, originProblem, splitOrigins } from './origins.ts';

const port = z.coerce.number().int().min(0).max(65535);
const seconds = z.coerce.number().int().positive();
const optionalUrl = z.url().optional();

const EnvSchema = z.object({
  PORT: port.default(3000),
  REALTIME_PORT: port.default(3001),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  PUBLIC_URL: optionalUrl,
  /** Browser origins allowed besides PUBLIC_URL's and the desktop studio's (comma-separated). */
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      for (const entry of splitOrigins(value)) {
        const problem = originProblem(entry);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }
    }),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: seconds.default(15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: seconds.default(30 * 24 * 3600),
  /** A signed playback's restriction tokens (players renew them while they play). */
  PLAYBACK_TOKEN_TTL_SECONDS: seconds.min(10).default(3600),
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  LIVEKIT_URL: optionalUrl,
  LIVEKIT_API_KEY: z.string().min(1).default('devkey'),
  LIVEKIT_API_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  REDIS_URL: optionalUrl,
  MEDIA_SESSION_QUOTA_MB: z.coerce.number().int().positive().default(2048),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** The built web app the API serves at `/` (the repository's apps/web/dist by default). */
  WEB_DIST_DIR: z.string().min(1).optional(),
  /**
   * STUN/TURN servers for the stage's WebRTC (guest ↔ studio) as a JSON array of
   * `{urls, username?, credential?}`; none by default (the same machine or LAN needs none).
   */
  ICE_SERVERS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value?.trim()) return [];
      let json: unknown;
      try {
        json = JSON.parse(value);
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: 'must be a JSON array of {urls, username?, credential?}',
        });
        return z.NEVER;
      }
      const servers = z.array(IceServer).max(16).safeParse(json);
      if (servers.success) return servers.data;
      for (const issue of servers.error.issues)
        ctx.addIssue({
          code: 'custom',
          message: `${issue.path.join('.') || '(top)'}: ${issue.message}`,
        });
      return z.NEVER;
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = ReturnType<typeof loadConfig>;

/** Where `npm run build -w @vidinfra/web` writes the web app in this repository. */
const REPO_WEB_DIST = fileURLToPath(new URL('../../../../apps/web/dist', import.meta.url));

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** A secret kept in the data directory, made once: tokens survive restarts with no setup. */
function persistentSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  if (e.ADMIN_PASSWORD && !e.ADMIN_EMAIL)
    throw new ConfigError(['ADMIN_EMAIL: required when ADMIN_PASSWORD is set']);
  // A LiveKit server has its own secret, which we must share; only the local backend, whose
  // tokens only we verify, can make one up.
  if (e.LIVEKIT_URL && !e.LIVEKIT_API_SECRET)
    throw new ConfigError(['LIVEKIT_API_SECRET: required when LIVEKIT_URL is set']);
  const dataDir = resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    /** Where a standalone realtime node listens. */
    realtimePort: e.REALTIME_PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `file:${join(dataDir, 'vidinfra.sqlite')}`,
    publicUrl,
    /**
     * The browser origins that may call REST, tRPC, Socket.IO and the ingest (see origins.ts):
     * PUBLIC_URL's, the desktop studio's `app://studio` and ALLOWED_ORIGINS.
     */
    allowedOrigins: allowedOrigins(publicUrl, splitOrigins(e.ALLOWED_ORIGINS)),
    jwtSecret: e.JWT_SECRET ?? persistentSecret(dataDir, 'jwt-secret'),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
    playbackTokenTtlSeconds: e.PLAYBACK_TOKEN_TTL_SECONDS,
    refreshReuseGraceSeconds: e.REFRESH_REUSE_GRACE_SECONDS,
    /** STUN/TURN servers handed to the stage's browsers (ICE_SERVERS). */
    iceServers: e.ICE_SERVERS,
    livekit: {
      url: e.LIVEKIT_URL ?? null,
      apiKey: e.LIVEKIT_API_KEY,
      // Never a shared default: whoever knows the secret can mint publish tokens for any session.
      apiSecret: e.LIVEKIT_API_SECRET ?? persistentSecret(dataDir, 'media-secret'),
    },
    admin: e.ADMIN_EMAIL ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD ?? null } : null,
    redisUrl: e.REDIS_URL ?? null,
    mediaSessionQuotaBytes: e.MEDIA_SESSION_QUOTA_MB * 1024 * 1024,
    /** Lets any client holding it read /metrics (loopback clients need none). */
    metricsToken: e.METRICS_TOKEN ?? null,
    trustProxy: e.TRUST_PROXY === 'true',
    logLevel: e.LOG_LEVEL,
    /** The web app's built files; the API serves them when the folder has an index.html. */
    webDistDir: resolve(e.WEB_DIST_DIR ?? REPO_WEB_DIST),
  };
}
