import { originCheck, type Runtime } from '@vidinfra/services';
import Fastify, { type FastifyRequest } from 'fastify';
import { pino } from 'pino';
import { registerAsyncApi } from './asyncapi.ts';
import { registerCors } from './cors.ts';
import { registerApiReference } from './docs.ts';
import { registerHls } from './hls.ts';
import { registerMetrics } from './metrics.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { registerRequestParsing } from './request-parsing.ts';
import { RequestLog, serializeRequest } from './request-log.ts';
import { registerRestRoutes, sendError } from './rest.ts';
import { registerTrpcRoute } from './trpc-route.ts';
import { webApp } from './web-app.ts';
import {
  appRouter,
  describeError,
  mappingErrors,
  operationCores,
  type Context,
} from '@vidinfra/api';

import { documentLivekitWebhook, registerLivekitWebhook } from './webhooks.ts';

const bearer = (request: FastifyRequest): string | null => {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : '';
};

/** What of the runtime the API server is built from. */
export type ServerRuntime = Pick<Runtime, 'config' | 'services' | 'metrics'>;

/** `logStream` replaces stdout as the log destination (tests read what is logged). */
export async function buildServer(
  runtime: ServerRuntime,
  options: { logStream?: { write(line: string): void } } = {},
) {
  const { config, services } = runtime;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // The request is logged as serializeRequest gives it: never a header, never a secret.
      serializers: { req: serializeRequest },
      // stdout written asynchronously: under load the lines of many requests leave in one write
      // (flushed on exit).
      stream: options.logStream ?? pino.destination({ sync: false }),
    },
    logController: new RequestLog(),
    // One proxy hop, the immediate peer: the client is the address that proxy appended to
    // X-Forwarded-For, never one the client put there itself.
    trustProxy: config.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
    bodyLimit: 1024 * 1024,
    // `/trpc/a,b,c,…`: a page's batch names every procedure in one path parameter (fastify's
    // default, 100 characters, answers a batch of a few queries 414).
    routerOptions: { maxParamLength: 2048 },
    // Errors fastify raises before routing (a malformed or too long URL) answer in the envelope.
    frameworkErrors: (error, _request, reply) => sendError(reply, error, reply.log),
  });
  registerMetrics(app, runtime.metrics);
  registerCors(app, originCheck(config.allowedOrigins));
  // Who the caller is: a sent token must be valid, even on public operations (it identifies the
  // caller). What the caller may do is the operation core's to decide (packages/api core.ts).
  const createContext = async (request: FastifyRequest): Promise<Context> => {
    const token = bearer(request);
    const actor =
      token !== null ? await mappingErrors(() => services.auth.authenticate(token)) : null;
    return { services, actor, ip: request.ip };
  };

  app.setErrorHandler((error, _request, reply) => sendError(reply, error, app.log));
  const web = webApp({
    dir: config.webDistDir,
    publicUrl: config.publicUrl,
    mediaUrl: config.livekit.url,
  });
  registerRequestParsing(app, (reply, error) => sendError(reply, error, app.log), web.fallback);

  await registerTrpcRoute(app, {
    prefix: '/trpc',
    router: appRouter,
    createContext,
    onError: ({ error }) => {
      if (describeError(error).unexpected) app.log.error({ err: error }, 'unexpected error');
    },
  });
  registerRestRoutes(app, operationCores(appRouter).values(), createContext);
  registerHls(app, services, config.dataDir);

  await registerLivekitWebhook(app, services);

  const openapi = documentLivekitWebhook(
    buildOpenApiDocument(appRouter, `${config.publicUrl}/api`),
  );
  app.get('/api/openapi.json', async () => openapi);
  registerAsyncApi(app, config.publicUrl);
  await registerApiReference(app, { routePrefix: '/api/docs', specUrl: '/api/openapi.json' });
  await web.register(app);
  return app;
}
