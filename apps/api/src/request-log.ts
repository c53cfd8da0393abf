// The request log: one line per completed request (method and URL, route pattern, status, time
// in ms; the request id is the logger's own binding), and never a secret from the query string.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

const SECRET_PARAMETER = /([?&](?:token|access_token|code)=)[^&#]*/gi;
/** tRPC queries carry their whole input in one parameter, tokens included (`recordings.file`). */
const TRPC_INPUT = /([?&]input=)[^&#]*/gi;

/**
 * A request URL with the values of secret query parameters (playback tokens, auth codes) hidden,
 * and for tRPC the whole input.
 */
const redactUrl = (url: string) => {
  if (!url.includes('?')) return url;
  const redacted = url.replace(SECRET_PARAMETER, '$1[REDACTED]');
  return url.startsWith('/trpc/') ? redacted.replace(TRPC_INPUT, '$1[REDACTED]') : redacted;
};

/** fastify's own request serializer, but the URL never carries a secret into the logs. */
export const serializeRequest = (request: FastifyRequest) => ({
  method: request.method,
  url: redactUrl(request.url),
  host: request.host,
  remoteAddress: request.ip,
  remotePort: request.socket?.remotePort,
});

/**
 * fastify's request lines, as one line per completed request: no "incoming request" line, and
 * the completed one names the request (redacted), its route pattern, status and time.
 */
export class RequestLog extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply) {
    const line = {
      req: request,
      route: request.routeOptions.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 100) / 100,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
