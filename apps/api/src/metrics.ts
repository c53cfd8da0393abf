// `GET /metrics` for operators (Prometheus text format), and the request-duration histogram it
// reports: every answered request, labelled with its route pattern, never its raw URL.
import type { RuntimeMetrics } from '@vidinfra/services';
import type { FastifyInstance } from 'fastify';

/** The label of requests no route matched (404s): raw URLs would make unbounded series. */
const UNMATCHED = 'unmatched';

/** Register before the routes: the hook times every route registered after it. */
export function registerMetrics(app: FastifyInstance, metrics: RuntimeMetrics) {
  // A callback-style hook: no promise per request.
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest({
      method: request.method,
      route: request.routeOptions.url ?? UNMATCHED,
      status: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    });
    done();
  });
  app.get('/metrics', async (request, reply) => {
    const answer = await metrics.answer({
      remoteAddress: request.ip,
      authorization: request.headers.authorization,
    });
    return reply.code(answer.status).type(answer.contentType).send(answer.body);
  });
}
