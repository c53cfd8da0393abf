// tRPC at /trpc. A single, non-batched query (GET) or mutation (POST, JSON) is answered straight
// from its operation core in tRPC's wire format: `{"result":{"data":…}}`, or `{"error":shape}`
// with the shape our errorFormatter gives and tRPC's HTTP status. Everything else (batches,
// streaming, a method that does not fit the procedure, unknown paths, HEAD) is handed to tRPC's
// official fastify handler, as it would have been before.
import type { AnyRouter } from '@trpc/server';
import { fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import {
  getErrorShape,
  getHTTPStatusCodeFromError,
  getTRPCErrorFromUnknown,
  TRPCError,
} from '@trpc/server/unstable-core-do-not-import';
import { operationCores, type Context, type OperationCore } from '@vidinfra/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

interface TrpcRouteOptions {
  prefix: string;
  router: AnyRouter;
  createContext: (request: FastifyRequest) => Promise<Context>;
  onError: (options: { error: TRPCError }) => void;
}

/** tRPC's own headers on a JSON answer. */
const HEADERS = { vary: 'trpc-accept, accept', 'content-type': 'application/json' };

/** The core a request may be answered from directly, or undefined for the official handler. */
function leanCore(request: FastifyRequest, core: OperationCore | undefined) {
  if (!core) return undefined;
  const query = request.query as Record<string, unknown>;
  if ('batch' in query || 'connectionParams' in query || request.headers['trpc-accept'])
    return undefined;
  const isQuery = core.def.method === 'GET';
  if (request.method === 'GET') return isQuery ? core : undefined;
  const json = request.headers['content-type']?.toLowerCase().startsWith('application/json');
  return request.method === 'POST' && !isQuery && json ? core : undefined;
}

/** The call's input as tRPC reads it: the `input` parameter (its first) or the body, as JSON. */
function rawInputOf(request: FastifyRequest): unknown {
  const { input } = request.query as { input?: unknown };
  return parseJsonInput(
    request.method === 'GET' ? (Array.isArray(input) ? input[0] : input) : request.body,
  );
}

function parseJsonInput(text: unknown): unknown {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    // As tRPC's own handler words it, so a single call and a batched one answer alike.
    const message = cause instanceof Error ? cause.message : 'the input is not valid JSON';
    throw new TRPCError({ code: 'BAD_REQUEST', message, cause });
  }
}

export async function registerTrpcRoute(app: FastifyInstance, options: TrpcRouteOptions) {
  const { router, createContext, onError } = options;
  const cores = operationCores(router);
  const config = router._def._config;

  async function answer(
    core: OperationCore,
    path: string,
    request: FastifyRequest,
    reply: FastifyReply,
  ) {
    const type = core.def.method === 'GET' ? 'query' : 'mutation';
    let ctx: Context | undefined;
    let input: unknown;
    try {
      ctx = await createContext(request);
      input = rawInputOf(request);
      const data = await core.run(ctx, input);
      return reply.headers(HEADERS).send(JSON.stringify({ result: { data } }));
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      onError({ error });
      const shape = getErrorShape({ config, ctx, error, input, path, type });
      return reply
        .status(getHTTPStatusCodeFromError(error))
        .headers(HEADERS)
        .send(JSON.stringify({ error: shape }));
    }
  }

  await app.register(async (scope) => {
    // The official plugin's body parsing: tRPC reads JSON bodies as text, multipart as a stream.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_, body, done) =>
      done(null, body),
    );
    scope.addContentTypeParser('multipart/form-data', {}, (_, body, done) => done(null, body));
    scope.all(`${options.prefix}/:path`, async (request, reply) => {
      const { path } = request.params as { path: string };
      const core = leanCore(request, cores.get(path));
      if (core) return answer(core, path, request, reply);
      await fastifyRequestHandler({
        router,
        createContext: ({ req }: { req: FastifyRequest }) => createContext(req),
        onError,
        req: request,
        res: reply,
        path,
      });
    });
  });
}
