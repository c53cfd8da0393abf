// `POST /api/webhooks/livekit`, the one contract row that is not a tRPC procedure, and why:
// LiveKit signs the exact bytes of the body (the JWT in `Authorization` carries their SHA-256,
// with no "Bearer"), so the handler needs the raw body and that header. A procedure gets parsed
// input, reads `Authorization` as our bearer access token (LiveKit's JWT would fail it), and
// resolves its Caller rule from a resource, not from a signature; LiveKit is the only caller and
// speaks HTTP, never tRPC. So this is a plain fastify route that reads the body as text, and
// its OpenAPI entry is added to the generated document here, under the contract's name.
import { successEnvelope } from '@vidinfra/domain';
import type { Services } from '@vidinfra/services';
import type { FastifyInstance } from 'fastify';
import type { OpenAPIObject } from 'trpc-to-openapi';
import { z } from 'zod';
import { sendError } from './rest.ts';

const PATH = '/webhooks/livekit';
const SUMMARY = 'LiveKit webhook handler';

/**
 * The operations documented here rather than generated from a procedure, as
 * `[method, path, summary]`: the docs test counts them beside the procedures.
 */
export const PLAIN_ROUTE_OPERATIONS = [['post', PATH, SUMMARY]] as const;
/** What LiveKit sends; plain JSON is taken too (curl, proxies that rewrite the type). */
const CONTENT_TYPES = ['application/webhook+json', 'application/json'];

const WebhookReceipt = z.object({
  event_id: z.string().describe('The event id LiveKit gave the delivery'),
  event: z.string().describe('The event name, e.g. `participant_joined`, `egress_ended`'),
  duplicate: z.boolean().describe('True when this event id was taken before: nothing changed'),
});

export async function registerLivekitWebhook(
  app: FastifyInstance,
  services: Services,
  prefix = '/api',
) {
  // Encapsulated: the raw-text body parsers apply to this route only.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(CONTENT_TYPES, { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(prefix + PATH, async (request, reply) => {
      try {
        const rawBody = typeof request.body === 'string' ? request.body : '';
        const receipt = await services.webhooks.livekit(rawBody, request.headers.authorization);
        return reply.send(successEnvelope(WebhookReceipt.parse(receipt)));
      } catch (error) {
        return sendError(reply, error, app.log);
      }
    });
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
});

const { $schema: _dialect, ...receiptSchema } = z.toJSONSchema(WebhookReceipt, { io: 'output' });

/** The webhook's entry in the OpenAPI document, beside the generated ones. */
export function documentLivekitWebhook(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  components.securitySchemes = {
    ...components.securitySchemes,
    LivekitWebhookSignature: {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description:
        'A JWT signed with the LiveKit API secret (issuer: the API key) whose `sha256` claim ' +
        'is the base64 SHA-256 of the raw request body; sent as is, without "Bearer".',
    },
  };
  document.paths = {
    ...document.paths,
    [PATH]: {
      post: {
        operationId: 'webhooks-livekit',
        summary: SUMMARY,
        description:
          'Receives LiveKit server events. The signature is verified against the raw body; ' +
          'each event id is processed once (a repeated delivery answers `duplicate: true`). ' +
          'Participants joining or leaving a session’s media room open or close their ' +
          'attendance; egress events update the HLS output state and finish recordings.',
        tags: ['webhooks'],
        security: [{ LivekitWebhookSignature: [] }],
        requestBody: {
          required: true,
          content: Object.fromEntries(
            CONTENT_TYPES.map((type) => [
              type,
              {
                schema: {
                  type: 'object',
                  description: 'A LiveKit `WebhookEvent` in protobuf JSON',
                  required: ['event', 'id'],
                  properties: {
                    event: { type: 'string' },
                    id: { type: 'string' },
                    createdAt: { type: 'string', description: 'Unix seconds' },
                    room: { type: 'object' },
                    participant: { type: 'object' },
                    egressInfo: { type: 'object' },
                  },
                },
              },
            ]),
          ),
        },
        responses: {
          '200': {
            description: 'Taken (or already taken before)',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['success', 'data', 'timestamp'],
                  properties: {
                    success: { const: true },
                    data: receiptSchema,
                    timestamp: { type: 'integer' },
                  },
                },
              },
            },
          },
          '400': errorResponse('A signed body that is not a LiveKit event (INVALID_JSON)'),
          '401': errorResponse('Missing, forged, expired or mismatched signature (UNAUTHORIZED)'),
          '415': errorResponse('Not a JSON body (UNSUPPORTED_MEDIA_TYPE)'),
          '503': errorResponse('LiveKit is not the media backend here (MEDIA_UNAVAILABLE)'),
          default: errorResponse('Error envelope with a machine code'),
        },
      },
    },
  } as OpenAPIObject['paths'];
  return document;
}
