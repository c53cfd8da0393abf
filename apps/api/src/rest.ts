// REST from the procedures' OpenAPI metadata: one fastify route per procedure that has a path,
// each answering in the contract's envelope. No handler is written here.
import type { AnyProcedure, AnyRouter } from '@trpc/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { describeError } from './errors.ts';

type CreateContext = (request: FastifyRequest) => unknown;

export function sendError(reply: FastifyReply, error: unknown, log: FastifyInstance['log']) {
  const { status, body, retryAfterSeconds, unexpected } = describeError(error);
  if (unexpected) log.error({ err: error }, 'unexpected error');
  if (retryAfterSeconds) reply.header('retry-after', String(retryAfterSeconds));
  return reply.status(status).send({ success: false, error: body, timestamp: Date.now() });
}

export function registerRestRoutes(
  app: FastifyInstance,
  appRouter: AnyRouter,
  createContext: CreateContext,
  prefix = '/api',
) {
  const procedures = appRouter._def.procedures as Record<string, AnyProcedure>;
  const createCaller = appRouter.createCaller as (ctx: unknown) => Record<string, unknown>;
  for (const [path, procedure] of Object.entries(procedures)) {
    const openapi = (procedure._def.meta as OpenApiMeta | undefined)?.openapi;
    if (!openapi) continue;
    const segments = path.split('.');
    app.route({
      method: openapi.method,
      url: prefix + openapi.path.replace(/\{(\w+)\}/g, ':$1'),
      handler: async (request, reply) => {
        const fromBody = openapi.method !== 'GET' && openapi.method !== 'DELETE';
        const input = {
          ...((fromBody ? request.body : request.query) as object | undefined),
          ...(request.params as object),
        };
        const caller = createCaller(createContext(request));
        const call = segments.reduce<unknown>(
          (node, key) => (node as Record<string, unknown>)[key],
          caller,
        ) as (input: unknown) => Promise<unknown>;
        try {
          const data = await call(input);
          return reply.send({ success: true, data, timestamp: Date.now() });
        } catch (error) {
          return sendError(reply, error, app.log);
        }
      },
    });
  }
}
