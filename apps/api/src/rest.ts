// REST: one native fastify route per operation core (packages/api/src/core.ts), at the core's
// path, answering in the contract's envelope, or, for a file operation, with the file itself,
// streamed (a file on disk with HTTP Range support, see disk-file.ts). No handler is written here.
import { basename, dirname } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorEnvelope, successEnvelope } from '@vidinfra/domain';
import { describeError, type Context } from '@vidinfra/api';
import { sendFromDisk } from './disk-file.ts';
import type { FileDownload, FileSink, OperationCore } from '@vidinfra/api';

type CreateContext = (request: FastifyRequest) => Promise<Context>;

export function sendError(reply: FastifyReply, error: unknown, log: FastifyInstance['log']) {
  const { status, body, retryAfterSeconds, unexpected } = describeError(error);
  if (unexpected) log.error({ err: error }, 'unexpected error');
  if (retryAfterSeconds) reply.header('retry-after', String(retryAfterSeconds));
  return reply.status(status).send(errorEnvelope(body));
}

const disposition = (filename: string, inline = false) =>
  `${inline ? 'inline' : 'attachment'}; filename="${filename.replace(/["\\\r\n]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

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
    .header('content-disposition', disposition(download.filename))
    .send(Readable.from(rest()));
}

/** One native fastify route per operation core, calling the core directly. */
export function registerRestRoutes(
  app: FastifyInstance,
  cores: Iterable<OperationCore>,
  createContext: CreateContext,
  prefix = '/api',
) {
  for (const core of cores) {
    const { method } = core.def;
    const fromBody = method !== 'GET' && method !== 'DELETE';
    const isFile = Boolean(core.def.file);
    app.route({
      method,
      url: prefix + core.path.replace(/\{(\w+)\}/g, ':$1'),
      handler: async (request, reply) => {
        const input = {
          ...((fromBody ? request.body : request.query) as object | undefined),
          ...(request.params as object),
        };
        const sink: FileSink | undefined = isFile ? {} : undefined;
        try {
          const data = await core.run(await createContext(request), input, sink);
          const download = sink?.download;
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
                headers: { 'content-disposition': disposition(download.filename, download.inline) },
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
