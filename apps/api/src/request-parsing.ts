// How the server reads requests before any route runs, and what it answers when it cannot: JSON
// bodies only (an empty one reads as no body, as many clients send on body-less POSTs), and a
// path that exists under other methods answers 405 with `Allow` rather than 404; a page path of
// the web app gets its index.html.
import { DomainError } from '@vidinfra/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

type Send = (reply: FastifyReply, error: unknown) => FastifyReply;
/** Answers a path no route has (the web app's pages), or returns null for a 404. */
type Fallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | null;

export function registerRequestParsing(app: FastifyInstance, send: Send, fallback?: Fallback) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, undefined);
    return parseJson(request, text, done);
  });

  /** Route patterns by method, to tell an unknown path from a known one asked the wrong way. */
  const routes: { pattern: RegExp; method: string }[] = [];
  app.addHook('onRoute', ({ url, method }) => {
    const source = url
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : escape(part)))
      .join('/');
    for (const m of [method].flat())
      routes.push({ pattern: new RegExp(`^${source}/?$`), method: m });
  });

  app.setNotFoundHandler((request: FastifyRequest, reply) => {
    const served = fallback?.(request, reply);
    if (served) return served;
    const path = request.url.split('?')[0] ?? '/';
    const allowed = [
      ...new Set(routes.filter((route) => route.pattern.test(path)).map((r) => r.method)),
    ];
    if (allowed.length) {
      reply.header('allow', allowed.join(', '));
      return send(
        reply,
        new DomainError(
          'METHOD_NOT_ALLOWED',
          `${path} answers ${allowed.join(', ')}, not ${request.method}`,
        ),
      );
    }
    return send(reply, new DomainError('NOT_FOUND', `no route for ${request.method} ${path}`));
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
