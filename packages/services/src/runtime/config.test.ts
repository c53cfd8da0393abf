import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'vidinfra-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
};

describe('loadConfig', () => {
  it('runs the embedded default with no settings at all', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir,
      databaseUrl: `file:${join(dataDir, 'vidinfra.sqlite')}`,
      publicUrl: 'http://localhost:3000',
      accessTokenTtlSeconds: 900,
      refreshTokenTtlSeconds: 30 * 24 * 3600,
      refreshReuseGraceSeconds: 5,
      playbackTokenTtlSeconds: 3600,
      livekit: { url: null, apiKey: 'devkey' },
      admin: null,
      redisUrl: null,
      trustProxy: false,
      logLevel: 'info',
    });
    expect(config.livekit.apiSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('makes a JWT secret once in the data directory and keeps it across starts', () => {
    const first = loadConfig({ DATA_DIR: dataDir });
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8')).toBe(first.jwtSecret);
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(first.jwtSecret);
  });

  it('takes the values it is given', () => {
    const config = loadConfig({
      DATA_DIR: dataDir,
      PORT: '8080',
      PUBLIC_URL: 'https://live.example.com/',
      DATABASE_URL: 'postgres://live@db/live',
      JWT_SECRET: 'x'.repeat(32),
      REFRESH_REUSE_GRACE_SECONDS: '0',
      ADMIN_EMAIL: 'root@example.com',
      ADMIN_PASSWORD: 'long enough',
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: 'https://live.example.com',
      databaseUrl: 'postgres://live@db/live',
      jwtSecret: 'x'.repeat(32),
      refreshReuseGraceSeconds: 0,
      admin: { email: 'root@example.com', password: 'long enough' },
      trustProxy: true,
      logLevel: 'warn',
    });
  });

  it('names every bad value at once, one message each', () => {
    const problems = problemsOf({
      DATA_DIR: dataDir,
      PORT: '70000',
      PUBLIC_URL: 'not a url',
      JWT_SECRET: 'short',
      ACCESS_TOKEN_TTL_SECONDS: '-1',
      REFRESH_REUSE_GRACE_SECONDS: '61',
      LIVEKIT_URL: 'nope',
      ADMIN_EMAIL: 'not-an-email',
      TRUST_PROXY: 'yes',
      LOG_LEVEL: 'loud',
    });
    const named = problems.map((problem) => problem.split(':')[0]);
    expect(named.sort()).toEqual(
      [
        'ACCESS_TOKEN_TTL_SECONDS',
        'ADMIN_EMAIL',
        'JWT_SECRET',
        'LIVEKIT_URL',
        'LOG_LEVEL',
        'PORT',
        'PUBLIC_URL',
        'REFRESH_REUSE_GRACE_SECONDS',
        'TRUST_PROXY',
      ].sort(),
    );
    expect(problems.find((p) => p.startsWith('JWT_SECRET'))).toContain('at least 32 characters');
  });

  it('puts every problem on a line of its own in the message', () => {
    const error = (() => {
      try {
        loadConfig({ DATA_DIR: dataDir, PORT: 'abc', LOG_LEVEL: 'loud' });
      } catch (caught) {
        return caught as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(2);
  });

  it('allows the public URL origin and the desktop studio by default, and ALLOWED_ORIGINS besides', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).allowedOrigins).toEqual([
      'http://localhost:3000',
      'app://studio',
    ]);
    const config = loadConfig({
      DATA_DIR: dataDir,
      PUBLIC_URL: 'https://live.example.com/base/',
      ALLOWED_ORIGINS: ' https://admin.example.com , http://localhost:5173,',
    });
    expect(config.allowedOrigins).toEqual([
      'https://live.example.com',
      'app://studio',
      'https://admin.example.com',
      'http://localhost:5173',
    ]);
  });

  it('refuses an ALLOWED_ORIGINS entry that is not an http(s) origin, naming each one', () => {
    expect(
      problemsOf({
        DATA_DIR: dataDir,
        ALLOWED_ORIGINS: 'https://ok.example.com,https://a.example.com/path,*,ftp://b.example.com',
      }),
    ).toEqual([
      'ALLOWED_ORIGINS: "https://a.example.com/path" is not an origin (http(s)://host[:port], nothing after it)',
      'ALLOWED_ORIGINS: "*" is not an origin (http(s)://host[:port], nothing after it)',
      'ALLOWED_ORIGINS: "ftp://b.example.com" is not an origin (http(s)://host[:port], nothing after it)',
    ]);
    expect(problemsOf({ DATA_DIR: dataDir, ALLOWED_ORIGINS: 'https://c.example.com/' })).toEqual([
      'ALLOWED_ORIGINS: "https://c.example.com/" is not an origin (http(s)://host[:port], nothing after it)',
    ]);
  });

  it('takes STUN/TURN servers as JSON (none by default) and names what is wrong with them', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).iceServers).toEqual([]);
    const servers = [
      { urls: 'stun:stun.example.com:3478' },
      { urls: ['turn:turn.example.com:3478'], username: 'u', credential: 'p' },
    ];
    expect(
      loadConfig({ DATA_DIR: dataDir, ICE_SERVERS: JSON.stringify(servers) }).iceServers,
    ).toEqual(servers);
    expect(problemsOf({ DATA_DIR: dataDir, ICE_SERVERS: 'stun:x' })).toEqual([
      'ICE_SERVERS: must be a JSON array of {urls, username?, credential?}',
    ]);
    expect(problemsOf({ DATA_DIR: dataDir, ICE_SERVERS: '[{"url":"stun:x"}]' })).toHaveLength(2);
  });

  it('refuses an admin password without an admin email', () => {
    expect(problemsOf({ DATA_DIR: dataDir, ADMIN_PASSWORD: 'long enough' })).toEqual([
      'ADMIN_EMAIL: required when ADMIN_PASSWORD is set',
    ]);
  });

  it('requires the LiveKit secret once a LiveKit server is configured', () => {
    expect(problemsOf({ DATA_DIR: dataDir, LIVEKIT_URL: 'wss://livekit.example.com' })).toEqual([
      'LIVEKIT_API_SECRET: required when LIVEKIT_URL is set',
    ]);
    const config = loadConfig({
      DATA_DIR: dataDir,
      LIVEKIT_URL: 'wss://livekit.example.com',
      LIVEKIT_API_SECRET: 'a-real-secret-a-real-secret-a-real',
    });
    expect(config.livekit).toMatchObject({
      url: 'wss://livekit.example.com',
      apiSecret: 'a-real-secret-a-real-secret-a-real',
    });
  });

  it('makes the local media secret once per data directory, never a shared default', () => {
    const first = loadConfig({ DATA_DIR: dataDir });
    expect(first.livekit.apiSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.livekit.apiSecret).not.toBe(first.jwtSecret);
    expect(readFileSync(join(dataDir, 'media-secret'), 'utf8')).toBe(first.livekit.apiSecret);
    expect(loadConfig({ DATA_DIR: dataDir }).livekit.apiSecret).toBe(first.livekit.apiSecret);
    // Another installation cannot sign tokens this one accepts.
    const otherDir = mkdtempSync(join(tmpdir(), 'vidinfra-config-'));
    try {
      expect(loadConfig({ DATA_DIR: otherDir }).livekit.apiSecret).not.toBe(
        first.livekit.apiSecret,
      );
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
    const given = 'given-secret-given-secret-given-secret';
    expect(loadConfig({ DATA_DIR: dataDir, LIVEKIT_API_SECRET: given }).livekit.apiSecret).toBe(
      given,
    );
  });
});
