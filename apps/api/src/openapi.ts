// The OpenAPI 3.1 document, generated from the same procedures (trpc-to-openapi), with every
// contract schema as a named component and every response wrapped in the contract's envelope.
import type { AnyRouter } from '@trpc/server';
import * as domain from '@vidinfra/domain';
import { generateOpenApiDocument, type OpenAPIObject } from 'trpc-to-openapi';
import { z } from 'zod';

/** Every exported zod schema of the domain that carries a component id. */
function namedDomainSchemas(): Record<string, z.ZodType> {
  const named: Record<string, z.ZodType> = {};
  for (const value of Object.values(domain)) {
    if (!(value instanceof z.ZodType)) continue;
    const id = z.globalRegistry.get(value)?.id;
    if (typeof id === 'string') named[id] = value;
  }
  return named;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
});

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

export function buildOpenApiDocument(appRouter: AnyRouter, baseUrl: string): OpenAPIObject {
  const document = generateOpenApiDocument(appRouter, {
    title: 'VidInfra Live API',
    version: '1.0.0',
    description:
      'Live streaming and webinars. Every response is an envelope: `{success, data | error, timestamp}`.',
    baseUrl,
    openApiVersion: '3.1.0',
    securitySchemes: { Authorization: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    defs: namedDomainSchemas(),
  });
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item as Record<string, Operation>)) {
      const responses = operation.responses ?? {};
      const ok = responses['200']?.content?.['application/json'];
      if (ok?.schema) {
        ok.schema = {
          type: 'object',
          required: ['success', 'data', 'timestamp'],
          properties: { success: { const: true }, data: ok.schema, timestamp: { type: 'integer' } },
        };
      }
      for (const [status, response] of Object.entries(responses)) {
        if (status !== '200')
          responses[status] = errorResponse(
            (response as { description?: string }).description ?? 'Error',
          );
      }
      responses.default = errorResponse('Error envelope with a machine code');
      operation.responses = responses;
    }
  }
  return document;
}
