// The one HTTP route of a standalone realtime node besides Socket.IO's: `GET /metrics` for
// operators. Anything else is a 404 in the error envelope. Requests are timed like the API's.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, errorEnvelope } from '@vidinfra/domain';
import type { RuntimeMetrics } from '@vidinfra/services';

const METRICS_PATH = '/metrics';

/**
 * The client's address: the socket's, or behind the one trusted proxy the address that proxy
 * appended to X-Forwarded-For (the last entry; anything before it is what the client sent, and
 * a client could claim to be 127.0.0.1). The API trusts one hop the same way.
 */
function clientAddress(request: IncomingMessage, trustProxy: boolean): string | undefined {
  const forwarded = request.headers['x-forwarded-for'];
  const entries = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',');
  const appended = entries?.at(-1)?.trim();
  return trustProxy && appended ? appended : request.socket.remoteAddress;
}

export function metricsRoute(metrics: RuntimeMetrics, options: { trustProxy: boolean }) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const path = new URL(request.url ?? '/', 'http://node').pathname;
    const matched = path === METRICS_PATH && request.method === 'GET';
    const answer = matched
      ? await metrics.answer({
          remoteAddress: clientAddress(request, options.trustProxy),
          authorization: request.headers.authorization,
        })
      : {
          status: 404,
          contentType: 'application/json; charset=utf-8',
          body: JSON.stringify(
            errorEnvelope(
              new DomainError('NOT_FOUND', `no route for ${request.method} ${path}`).toBody(),
            ),
          ),
        };
    response.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
    metrics.observeRequest({
      method: request.method ?? 'GET',
      route: matched ? METRICS_PATH : 'unmatched',
      status: answer.status,
      seconds: (performance.now() - started) / 1000,
    });
  };
}
