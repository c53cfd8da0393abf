// The OpenAPI 3.1 document, generated from the same procedures (trpc-to-openapi), with every
// contract schema as a named component and every response wrapped in the contract's envelope.
import type { AnyProcedure, AnyRouter } from '@trpc/server';
import * as domain from '@vidinfra/domain';
import { generateOpenApiDocument, type OpenAPIObject, type OpenApiMeta } from 'trpc-to-openapi';
import { z } from 'zod';
import type { FileMeta } from '@vidinfra/api';
import { ASYNCAPI_PATH } from './asyncapi.ts';

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

/** File operations answer the file itself: their 200 lists its media types, not the envelope. */
function documentFiles(appRouter: AnyRouter, document: OpenAPIObject) {
  for (const procedure of Object.values(
    appRouter._def.procedures as Record<string, AnyProcedure>,
  )) {
    const meta = procedure._def.meta as (OpenApiMeta & { file?: FileMeta }) | undefined;
    if (!meta?.file || !meta.openapi) continue;
    const { method, path } = meta.openapi;
    const operation = (document.paths?.[path] as Record<string, Operation> | undefined)?.[
      method.toLowerCase()
    ];
    if (!operation?.responses) continue;
    const content = Object.fromEntries(
      Object.entries(meta.file.contentTypes).map(([type, schema]) => {
        const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'output' });
        return [type, { schema: json }];
      }),
    );
    operation.responses['200'] = {
      description: 'The file, streamed as an attachment (Content-Disposition names it)',
      content,
    } as never;
  }
}

export function buildOpenApiDocument(appRouter: AnyRouter, baseUrl: string): OpenAPIObject {
  const document = generateOpenApiDocument(appRouter, {
    title: 'VidInfra Live API',
    version: '1.0.0',
    description:
      'Live streaming and webinars. Every response is an envelope: `{success, data | error, timestamp}`. ' +
      'Realtime (Socket.IO: channels, events, client actions) is described by the AsyncAPI document ' +
      `at [${ASYNCAPI_PATH}](${ASYNCAPI_PATH}).`,
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
  documentFiles(appRouter, document);
  return document;
}
