// An operation of the contract, defined once: its tRPC procedure, its REST route (from the
// OpenAPI metadata) and, where the contract says so, its library-scoped twin — the same handler
// behind a scope middleware. Every Caller rule is checked (by the access service) before any
// handler runs.
import { Id, type Caller } from '@vidinfra/domain';
import type { ResourceAccess, ResourceKind } from '@vidinfra/services';
import type { z } from 'zod';
import { mappingErrors } from './errors.ts';
import { t, type Context } from './trpc.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface OperationContext extends Context {
  /** The resource the operation is about, as the caller stands to it (when `resource` is set). */
  access: ResourceAccess | null;
  /** The library the request is scoped to (library-scoped routes), else null. */
  libraryId: string | null;
}

/** A file an operation answers with: its name and type, and its text a chunk at a time. */
export interface FileDownload {
  filename: string;
  content_type: string;
  chunks: AsyncIterable<string>;
}

/**
 * A file on disk an operation answers with (a recording): REST sends it with HTTP Range support
 * (seeking); tRPC answers the output's other fields, not the bytes.
 */
export interface DiskFile {
  filename: string;
  content_type: string;
  path: string;
}

/**
 * Where the REST adapter asks a file operation to leave its download (in the context under
 * `fileSink`) instead of collecting it: REST streams it, tRPC answers the collected `content`.
 */
export interface FileSink {
  download?: FileDownload | DiskFile;
}

/** The procedure meta of a file operation: the response's media types and their JSON schemas. */
export interface FileMeta {
  contentTypes: Record<string, z.ZodType>;
}

export interface OperationDef<
  I extends z.ZodObject,
  O extends z.ZodType,
  M extends Method = Method,
> {
  /** The reference's operation name: the OpenAPI summary. */
  name: string;
  /** GET operations are tRPC queries, the others mutations. */
  method: M;
  path: `/${string}`;
  caller: Caller;
  /** Loaded from the input's `id` before the rule is checked. */
  resource?: ResourceKind;
  input: I;
  output: O;
  /** Also served under /libraries/{library_id}. */
  libraryScoped?: boolean;
  /**
   * The result is a file: the handler gives the output's fields with a {@link FileDownload}
   * instead of `content`; REST streams it as the response body, tRPC answers the output.
   */
  file?: FileMeta;
  handle(args: {
    ctx: OperationContext;
    input: z.output<I>;
  }): Promise<z.input<O> | (Omit<z.input<O>, 'content'> & FileDownload) | (z.input<O> & DiskFile)>;
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let content = '';
  for await (const chunk of chunks) content += chunk;
  return content;
}

/**
 * A file operation's result: left in the REST adapter's sink, or collected into `content` (a
 * file on disk: its other fields only).
 */
async function answerFile(result: FileDownload | DiskFile, ctx: unknown) {
  const sink = (ctx as { fileSink?: FileSink }).fileSink;
  if ('path' in result) {
    const { path: _path, ...fields } = result;
    if (sink) sink.download = result;
    return fields;
  }
  const { chunks, ...fields } = result;
  if (sink) {
    sink.download = result;
    return { ...fields, content: '' };
  }
  return { ...fields, content: await collect(chunks) };
}

const tagOf = (path: string) => path.split('/')[1] ?? 'default';

/** The operation's one middleware: the Caller rule, on the resource when it has one. */
const authorize = (
  def: Pick<OperationDef<z.ZodObject, z.ZodType>, 'caller' | 'resource'>,
  scoped: boolean,
) =>
  t.middleware(async ({ ctx, input, next }) => {
    const { services, actor } = ctx as Context;
    const values = input as { id?: string; library_id?: string; message_id?: string };
    const libraryId = scoped ? values.library_id! : null;
    // The resource is named by `id`, except on a library's own routes (`library_id`) and a chat
    // message's (`message_id`).
    const resourceId =
      def.resource === 'library'
        ? values.library_id!
        : def.resource === 'chat_message'
          ? values.message_id!
          : values.id!;
    const access = await mappingErrors(() =>
      services.access.authorize({
        caller: def.caller,
        actor,
        libraryId,
        ...(def.resource && { resource: { kind: def.resource, id: resourceId } }),
      }),
    );
    return next({ ctx: { ...ctx, access, libraryId } satisfies OperationContext });
  });

function build<I extends z.ZodObject, O extends z.ZodType, M extends Method>(
  def: OperationDef<I, O, M>,
  scoped: boolean,
) {
  const path = scoped ? (`/libraries/{library_id}${def.path}` as const) : def.path;
  const input = scoped ? def.input.extend({ library_id: Id }) : def.input;
  const procedure = t.procedure
    .meta({
      openapi: {
        method: def.method,
        path,
        summary: def.name,
        tags: [scoped ? 'libraries' : tagOf(def.path)],
        protect: def.caller !== 'public',
      },
      ...(def.file && { file: def.file }),
    })
    .input(input as I)
    .output(def.output)
    .use(authorize(def, scoped));
  const resolve = ({ ctx, input }: { ctx: unknown; input: unknown }) =>
    mappingErrors(async () => {
      const result = await def.handle({
        ctx: ctx as OperationContext,
        input: input as z.output<I>,
      });
      return (def.file ? answerFile(result as FileDownload | DiskFile, ctx) : result) as never;
    });
  const query = () => procedure.query(resolve);
  const mutation = () => procedure.mutation(resolve);
  // The method decides the procedure's type too, so clients see `.query` or `.mutate`, not both.
  return (def.method === 'GET' ? query() : mutation()) as M extends 'GET'
    ? ReturnType<typeof query>
    : ReturnType<typeof mutation>;
}

export function operation<I extends z.ZodObject, O extends z.ZodType, M extends Method>(
  def: OperationDef<I, O, M>,
) {
  return {
    def,
    procedure: build(def, false),
    libraryProcedure: def.libraryScoped ? build(def, true) : undefined,
  };
}

type Operation = ReturnType<typeof operation>;

/** The plain procedures of a group of operations, for a router. */
export const procedures = <T extends Record<string, Operation>>(ops: T) =>
  Object.fromEntries(Object.entries(ops).map(([key, op]) => [key, op.procedure])) as {
    [K in keyof T]: T[K]['procedure'];
  };

/** The library-scoped twins of the operations that have one. */
export const libraryProcedures = <T extends Record<string, Operation>>(ops: T) =>
  Object.fromEntries(
    Object.entries(ops)
      .filter(([, op]) => op.libraryProcedure)
      .map(([key, op]) => [key, op.libraryProcedure!]),
  ) as { [K in keyof T]: NonNullable<T[K]['libraryProcedure']> };
