// CORS for REST (`/api/…`) and tRPC (`/trpc/…`): a page on an allowed origin (the config's
// allowedOrigins: PUBLIC_URL's, the desktop studio's `app://studio`, ALLOWED_ORIGINS) may call
// them; any other page gets no CORS header, so its browser keeps the answer from it. No
// credentials are allowed: the API authenticates with a bearer token, never a cookie. HLS
// (hls.ts) and the recording file (a signed link, opened rather than fetched) keep their own rules.
import type { OriginCheck } from '@vidinfra/services';
import type { FastifyInstance } from 'fastify';

const CORS_PATH = /^\/(api|trpc)(\/|$)/;
const OWN_RULES = /^\/api\/recordings\/[^/]+\/file\/?$/;
const METHODS = 'GET, POST, PUT, PATCH, DELETE';
const HEADERS = 'authorization, content-type';
const PREFLIGHT_MAX_AGE_SECONDS = 600;

const corsPath = (url: string) => {
  const path = url.split('?')[0] ?? '/';
  return CORS_PATH.test(path) && !OWN_RULES.test(path);
};

export function registerCors(app: FastifyInstance, allows: OriginCheck) {
  // Hooks in callback style: no promise per request.
  app.addHook('onRequest', (request, reply, done) => {
    const origin = request.headers.origin;
    if (origin === undefined || !corsPath(request.url) || !allows(origin)) return done();
    reply.header('access-control-allow-origin', origin);
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      reply
        .code(204)
        .header('access-control-allow-methods', METHODS)
        .header('access-control-allow-headers', HEADERS)
        .header('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS))
        .send();
      return;
    }
    done();
  });
  // The answer depends on the Origin: a cache must not hand one origin's answer to another
  // (added last, beside what the route varies on).
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!corsPath(request.url)) return done(null, payload);
    const vary = reply.getHeader('vary');
    const list = Array.isArray(vary) ? vary.join(', ') : vary === undefined ? '' : String(vary);
    if (!/(^|,)\s*origin\s*(,|$)/i.test(list))
      reply.header('vary', list ? `${list}, Origin` : 'Origin');
    done(null, payload);
  });
}
