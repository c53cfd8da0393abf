// An operation compiled once per scope (plain, library-scoped) from its definition: parse the
// input → authorize (the access service, the one place a Caller rule is checked) → handle →
// check the output. The tRPC procedure, the REST route and the lean tRPC path all run this; no
// step is written anywhere else. Errors leave as tRPC errors carrying their cause (errors.ts),
// the way tRPC's own procedure runner raises them, so every dialect describes them alike.
import { TRPCError } from '@trpc/server';
import { DomainError, Id, type Caller } from '@vidinfra/domain';
import type { ResourceKind } from '@vidinfra/services';
import { z } from 'zod';
import { mappingErrors } from './errors.ts';
import type {
  DiskFile,
  FileDownload,
  FileSink,
  Method,
  OperationContext,
  OperationDef,
} from './operation.ts';
import type { Context } from './trpc.ts';

export interface OperationCore {
  /** The definition it was compiled from. */
  def: OperationDef<z.ZodObject, z.ZodType, Caller, ResourceKind, Method>;
  /** The REST path (OpenAPI style, `{id}`), under /libraries/{library_id} when scoped. */
  path: `/${string}`;
  /** The input schema, with `library_id` when scoped. */
  input: z.ZodObject;
  /** Validates what the caller sent: BAD_REQUEST carrying the schema's complaint. */
  parseInput(raw: unknown): Promise<Record<string, unknown>>;
  /**
   * Authorizes and handles a parsed input. A file operation leaves its download in `sink` when
   * one is given (REST streams it), else answers it collected (`content`; a file on disk: its
   * other fields only).
   */
  execute(ctx: Context, input: Record<string, unknown>, sink?: FileSink): Promise<unknown>;
  /** The result as the output schema gives it; a mismatch is our bug (INTERNAL_SERVER_ERROR). */
  checkOutput(result: unknown): Promise<unknown>;
  /** All of it: parse → authorize → handle → output check. */
  run(ctx: Context, raw: unknown, sink?: FileSink): Promise<unknown>;
}

/** The input field naming the resource of each kind. */
const RESOURCE_ID_FIELD: Record<ResourceKind, string> = {
  session: 'id',
  room: 'id',
  preset: 'id',
  recording: 'id',
  poll: 'id',
  chat_message: 'message_id',
  library: 'library_id',
};

/** A path parameter of the (validated) input; NOT_FOUND when missing, which validation prevents. */
function pathParam(input: Record<string, unknown>, field: string): string {
  const value = input[field];
  if (typeof value !== 'string') throw new DomainError('NOT_FOUND', `no ${field} in the path`);
  return value;
}

/**
 * A schema's verdict, synchronously when it can be (most): an async check anywhere in it makes
 * zod refuse the sync parse, and that schema is parsed asynchronously instead.
 */
async function safeParse<T extends z.ZodType>(schema: T, value: unknown) {
  try {
    return schema.safeParse(value);
  } catch (error) {
    if (error instanceof z.core.$ZodAsyncError) return schema.safeParseAsync(value);
    throw error;
  }
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let content = '';
  for await (const chunk of chunks) content += chunk;
  return content;
}

async function answerFile(result: FileDownload | DiskFile, sink: FileSink | undefined) {
  if (sink) sink.download = result;
  if ('path' in result) {
    const { path: _path, ...fields } = result;
    return fields;
  }
  const { chunks, ...fields } = result;
  return { ...fields, content: sink ? '' : await collect(chunks) };
}

export function compileOperation(
  def: OperationDef<z.ZodObject, z.ZodType, Caller, ResourceKind, Method>,
  scoped: boolean,
): OperationCore {
  const input = scoped ? def.input.extend({ library_id: Id }) : def.input;
  const { caller, resource, output } = def;
  const idField = resource && RESOURCE_ID_FIELD[resource];

  const parseInput = async (raw: unknown) => {
    const parsed = await safeParse(input, raw);
    if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error });
    return parsed.data;
  };

  const execute = (ctx: Context, parsed: Record<string, unknown>, sink?: FileSink) =>
    mappingErrors(async () => {
      const libraryId = scoped ? pathParam(parsed, 'library_id') : null;
      const access = await ctx.services.access.authorize({
        caller,
        actor: ctx.actor,
        libraryId,
        ...(resource &&
          idField && { resource: { kind: resource, id: pathParam(parsed, idField) } }),
      });
      // What the access service established for this rule is the handler's context.
      const handlerCtx = { ...ctx, access, libraryId } as OperationContext<Caller, ResourceKind>;
      const result = await def.handle({ ctx: handlerCtx, input: parsed });
      return def.file ? answerFile(result as FileDownload | DiskFile, sink) : result;
    });

  const checkOutput = async (result: unknown) => {
    const checked = await safeParse(output, result);
    if (!checked.success)
      throw new TRPCError({
        code: 'INTERNAL_SERVER_ERROR',
        message: 'Output validation failed',
        cause: checked.error,
      });
    return checked.data;
  };

  return {
    def,
    path: scoped ? `/libraries/{library_id}${def.path}` : def.path,
    input,
    parseInput,
    execute,
    checkOutput,
    run: async (ctx, raw, sink) => checkOutput(await execute(ctx, await parseInput(raw), sink)),
  };
}
