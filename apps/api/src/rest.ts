// REST from the procedures' OpenAPI metadata: one fastify route per procedure that has a path,
// each answering in the contract's envelope, or, for a file operation, with the file itself,
// streamed (a file on disk with HTTP Range support, see disk-file.ts). No handler is written here.
import { basename, dirname } from 'node:path';
import { Readable } from 'node:stream';
import type { AnyProcedure, AnyRouter } from '@trpc/server';
import type { ProcedureCallOptions } from '@trpc/server/unstable-core-do-not-import';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { errorEnvelope, successEnvelope } from '@vidinfra/domain';
import { describeError } from '@vidinfra/api';
import { sendFromDisk } from './disk-file.ts';
import type { FileDownload, FileSink } from '@vidinfra/api';

type CreateContext = (request: FastifyRequest) => Promise<unknown>;

export function sendError(reply: FastifyReply, error: unknown, log: FastifyInstance['log']) {
  const { status, body, retryAfterSeconds, unexpected } = describeError(error);
  if (unexpected) log.error({ err: error }, 'unexpected error');
  if (retryAfterSeconds) reply.header('retry-after', String(retryAfterSeconds));
  return reply.status(status).send(errorEnvelope(body));
}

const attachment = (filename: string) =>
  `attachment; filename="${filename.replace(/["\\\r\n]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/**
 * The first chunk is read before anything is sent, so a failure to start the file is still an
 * error envelope; the rest streams as it is produced.
 */
async function sendFile(reply: FastifyReply, download: FileDownload) {
  const chunks = download.chunks[Symbol.asyncIterator]();
  const first = await chunks.next();
  async function* rest() {
    if (first.done) return;
    yield first.value;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  return reply
    .type(download.content_type)
    .header('content-disposition', attachment(download.filename))
    .send(Readable.from(rest()));
}

export function registerRestRoutes(
  app: FastifyInstance,
  appRouter: AnyRouter,
  createContext: CreateContext,
  prefix = '/api',
) {
  const procedures = appRouter._def.procedures as Record<string, AnyProcedure>;
  for (const [path, procedure] of Object.entries(procedures)) {
    const openapi = (procedure._def.meta as OpenApiMeta | undefined)?.openapi;
    if (!openapi) continue;
    // Called the way tRPC's own server-side caller calls a procedure (without its lookup proxy).
    const call = procedure as unknown as (
      options: ProcedureCallOptions<unknown>,
    ) => Promise<unknown>;
    const isFile = Boolean((procedure._def.meta as { file?: unknown } | undefined)?.file);
    app.route({
      method: openapi.method,
      url: prefix + openapi.path.replace(/\{(\w+)\}/g, ':$1'),
      handler: async (request, reply) => {
        const fromBody = openapi.method !== 'GET' && openapi.method !== 'DELETE';
        const input = {
          ...((fromBody ? request.body : request.query) as object | undefined),
          ...(request.params as object),
        };
        const fileSink: FileSink = {};
        try {
          const context = (await createContext(request)) as object;
          const data = await call({
            path,
            type: procedure._def.type,
            ctx: isFile ? { ...context, fileSink } : context,
            getRawInput: async () => input,
            signal: undefined,
            batchIndex: 0,
          });
          const download = fileSink.download;
          if (download && 'path' in download) {
            // The operation decided the path: only that one file is read.
            return await sendFromDisk(
              request,
              reply,
              dirname(download.path),
              basename(download.path),
              {
                contentType: download.content_type,
                cacheControl: 'private, no-store',
                missing: 'the file is missing from storage',
                headers: { 'content-disposition': attachment(download.filename) },
              },
            );
          }
          if (download) return await sendFile(reply, download);
          return reply.send(successEnvelope(data));
        } catch (error) {
          return sendError(reply, error, app.log);
        }
      },
    });
  }
}
