// The API under test: the real server (fastify.inject, no socket) on a fresh database of the
// run's dialect, with helpers to sign in as each kind of account.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@vidinfra/db';
import { openTestDatabase, testDialect } from '@vidinfra/db/testing';
import {
  createRuntime,
  hashPassword,
  loadConfig,
  type MediaBackend,
  type Runtime,
  type Services,
} from '@vidinfra/services';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildServer } from '../src/server.ts';

export const dialect = testDialect();

export interface Envelope<T = unknown> {
  success: boolean;
  data?: T;
  error?: { code: string; message: string; details?: { field?: string; message: string }[] };
  timestamp: number;
}

export interface Reply<T = unknown> {
  status: number;
  body: Envelope<T>;
  headers: Record<string, unknown>;
}

export interface TestApp {
  app: FastifyInstance;
  /** The runtime the server is built on (its config, media backend, metrics). */
  runtime: Runtime;
  db: Database;
  services: Services;
  media: MediaBackend;
  call<T = any>(
    method: string,
    path: string,
    options?: {
      token?: string;
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
    },
  ): Promise<Reply<T>>;
  /** A new account of that role, signed in. */
  account(
    role: 'admin' | 'host' | 'viewer',
    name?: string,
  ): Promise<{ id: string; email: string; token: string; refreshToken: string }>;
}

let counter = 0;
export const PASSWORD = 'correct horse battery';

export interface TestAppOptions {
  /** The services' clock (default: the wall clock). */
  now?: () => Date;
  /** The media backend (default: the local one). */
  media?: MediaBackend;
}

export function useTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): TestApp {
  const handle = {} as TestApp & { dispose: () => Promise<void> };
  let passwordHash: string;
  // Never the default ./data: storage cleanup and HLS would act on a developer's real files.
  let ownDataDir: string | null = null;
  beforeAll(async () => {
    const { db, dispose } = await openTestDatabase();
    ownDataDir = env.DATA_DIR ? null : mkdtempSync(join(tmpdir(), 'vidinfra-test-'));
    const config = loadConfig({
      JWT_SECRET: 'test-secret-test-secret-test-secret!',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://vidinfra.test',
      // No web app unless a test serves one: the suite answers the same whether apps/web is built.
      WEB_DIST_DIR: join(tmpdir(), 'vidinfra-test-no-web-app'),
      ...(ownDataDir && { DATA_DIR: ownDataDir }),
      ...env,
    });
    // The database is the test's (dropped after it); so is a media backend the test passed in.
    const runtime = await createRuntime(config, { db, media: options.media, now: options.now });
    const app = await buildServer(runtime);
    runtime.onClose(() => app.close());
    await app.ready();
    passwordHash = await hashPassword(PASSWORD);
    Object.assign(handle, {
      app,
      runtime,
      db,
      services: runtime.services,
      media: runtime.media,
      dispose: async () => {
        await runtime.close();
        await dispose();
      },
    });
  });
  afterAll(async () => {
    await handle.dispose?.();
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
  });

  handle.call = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    } else if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await handle.app.inject({
      method: method as 'GET',
      url: path,
      headers,
      payload,
    });
    return { status: response.statusCode, body: response.json(), headers: response.headers };
  };

  handle.account = async (role, name) => {
    const email = `${role}-${Date.now().toString(36)}-${counter++}@example.test`;
    const user = await handle.db.repos.users.create({
      email,
      passwordHash,
      displayName: name ?? `${role} ${counter}`,
      role,
    });
    const login = await handle.services.auth.login({ email, password: PASSWORD });
    return { id: user.id, email, token: login.access_token, refreshToken: login.refresh_token };
  };
  return handle;
}
