import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import type { Database } from '@vidinfra/db';
import { DomainError } from '@vidinfra/domain';
import {
  createServices,
  localMediaBackend,
  type MediaBackend,
  type Services,
} from '@vidinfra/services';
import Fastify, { type FastifyRequest } from 'fastify';
import type { Config } from './config.ts';
import { registerApiReference } from './docs.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { registerRestRoutes, sendError } from './rest.ts';
import { appRouter } from './routers/index.ts';
import type { Context } from './trpc.ts';

const bearer = (request: FastifyRequest): string | null => {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : '';
};

/** `media` replaces the configured media backend (tests use one that reports unavailable). */
export function createServicesFor(config: Config, db: Database, media?: MediaBackend): Services {
  const backend =
    media ??
    localMediaBackend({
      publicUrl: config.publicUrl,
      apiKey: config.livekit.apiKey,
      apiSecret: config.livekit.apiSecret,
    });
  return createServices({ db, config, media: backend, now: () => new Date() });
}

export async function buildServer(config: Config, services: Services) {
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  const createContext = (request: FastifyRequest): Context => ({
    services,
    token: bearer(request),
    actor: null,
    ip: request.ip,
  });

  app.setErrorHandler((error, _request, reply) => sendError(reply, error, app.log));
  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      new DomainError('NOT_FOUND', `no route for ${request.method} ${request.url.split('?')[0]}`),
      app.log,
    ),
  );

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }: { req: FastifyRequest }) => createContext(req),
    },
  });
  registerRestRoutes(app, appRouter, createContext);

  const openapi = buildOpenApiDocument(appRouter, `${config.publicUrl}/api`);
  app.get('/api/openapi.json', async () => openapi);
  await registerApiReference(app, { routePrefix: '/api/docs', specUrl: '/api/openapi.json' });
  return app;
}
