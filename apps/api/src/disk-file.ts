// One file from a folder on disk, by @fastify/send: Range (206 with Content-Range, 416 outside
// the file), Accept-Ranges, conditional requests (ETag, Last-Modified, If-Match → 412). What
// send refuses becomes the contract's error envelope, never its HTML page.
import send from '@fastify/send';
import { DomainError } from '@vidinfra/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface DiskFileReply {
  contentType: string;
  cacheControl: string;
  /** The 404's message: what is missing, in the caller's words. */
  missing: string;
  /** Headers of a served file only (a refusal is an error envelope without them). */
  headers?: Record<string, string>;
}

const REFUSALS: Record<number, (missing: string) => DomainError> = {
  404: (missing) => new DomainError('NOT_FOUND', missing),
  412: () => new DomainError('PRECONDITION_FAILED', 'the file changed since the If-* condition'),
  416: () => new DomainError('RANGE_NOT_SATISFIABLE'),
};

/**
 * Sends `{root}/{name}`, `name` being one file name the caller chose (send reads nothing outside
 * `root`; a hidden file is missing). A refusal is thrown as a DomainError, with the file's size
 * in `Content-Range: bytes *\/size` on a 416 so a player can ask again.
 */
export async function sendFromDisk(
  request: FastifyRequest,
  reply: FastifyReply,
  root: string,
  name: string,
  options: DiskFileReply,
): Promise<FastifyReply> {
  const sent = await send(request.raw, `/${encodeURIComponent(name)}`, {
    root,
    dotfiles: 'ignore',
    index: false,
    cacheControl: false,
    contentType: false,
  });
  if (sent.type !== 'file') {
    sent.stream.destroy();
    const range = sent.headers['Content-Range'];
    if (sent.statusCode === 416 && range) reply.header('content-range', range);
    // A folder by that name is not the file asked for.
    const refusal = REFUSALS[sent.type === 'directory' ? 404 : sent.statusCode];
    if (refusal) throw refusal(options.missing);
    throw sent.type === 'error' ? sent.metadata.error : new Error(`not a file: ${name}`);
  }
  return reply
    .status(sent.statusCode)
    .headers(sent.headers)
    .headers(options.headers ?? {})
    .header('cache-control', options.cacheControl)
    .type(options.contentType)
    .send(sent.stream);
}
