// An operation of the contract, defined once: its tRPC procedure, its REST route (from the
// OpenAPI metadata) and, where the contract says so, its library-scoped twin — the same handler
// behind a scope middleware. Every Caller rule is checked (by the access service) before any
// handler runs, so the handler's context says what the rule established: who the actor is and
// the resource as they stand to it.
import { DomainError, Id, type Caller } from '@vidinfra/domain';
import type { Actor, MemberLibraryAccess, ResourceAccess, ResourceKind } from '@vidinfra/services';
import type { z } from 'zod';
import { mappingErrors } from './errors.ts';
import { t, type Context } from './trpc.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Rules decided without an account: the actor may be anonymous. */
type AnonymousCaller = 'public' | 'token_in_query' | 'livekit_signed';

/** The actor once the rule `C` allowed the call: signed in, except under the rules above. */
export type ActorOf<C extends Caller> = C extends AnonymousCaller ? Actor | null : Actor;

/** Rules that let only members of the library through. */
type MemberCaller = 'member' | 'library_owner';

/** The resource `R` (none: null) as the actor allowed by the rule `C` stands to it. */
export type AccessOf<C extends Caller, R extends ResourceKind> = [R] extends [never]
  ? null
  : R extends 'library'
    ? C extends MemberCaller
      ? MemberLibraryAccess
      : ResourceAccess<'library'>
    : ResourceAccess<R>;

export type OperationContext<C extends Caller = Caller, R extends ResourceKind = never> = Omit<
  Context,
  'actor'
> & {
  actor: ActorOf<C>;
  /** The resource the operation is about, as the caller stands to it (when `resource` is set). */
  access: AccessOf<C, R>;
  /** The library the request is scoped to (library-scoped routes), else null. */
  libraryId: string | null;
};

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
  C extends Caller = Caller,
  R extends ResourceKind = never,
  M extends Method = Method,
> {
  /** The reference's operation name: the OpenAPI summary. */
  name: string;
  /**
   * What the operation does for whom: the contract's notes and the rules the handler enforces
   * (who may call, state rules and their status codes, paging, idempotency); the OpenAPI
   * description.
   */
  description: string;
  /** GET operations are tRPC queries, the others mutations. */
  method: M;
  path: `/${string}`;
  caller: C;
  /**
   * Loaded (from the input's `id`, a library's `library_id`, a chat message's `message_id`)
   * before the rule is checked.
   */
  resource?: R;
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
    ctx: OperationContext<C, R>;
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
function pathParam(input: unknown, field: string): string {
  const value = (input as Record<string, unknown>)[field];
  if (typeof value !== 'string') throw new DomainError('NOT_FOUND', `no ${field} in the path`);
  return value;
}

/** The operation's one middleware: the Caller rule, on the resource when it has one. */
const authorize = (def: { caller: Caller; resource?: ResourceKind }, scoped: boolean) =>
  t.middleware(async ({ ctx, input, next }) => {
    const { services, actor } = ctx;
    const { resource } = def;
    const { access, libraryId } = await mappingErrors(async () => {
      const libraryId = scoped ? pathParam(input, 'library_id') : null;
      const access = await services.access.authorize({
        caller: def.caller,
        actor,
        libraryId,
        ...(resource && {
          resource: { kind: resource, id: pathParam(input, RESOURCE_ID_FIELD[resource]) },
        }),
      });
      return { access, libraryId };
    });
    return next({ ctx: { ...ctx, access, libraryId } });
  });

function build<
  I extends z.ZodObject,
  O extends z.ZodType,
  C extends Caller,
  R extends ResourceKind,
  M extends Method,
>(def: OperationDef<I, O, C, R, M>, scoped: boolean) {
  const path = scoped ? (`/libraries/{library_id}${def.path}` as const) : def.path;
  const input = scoped ? def.input.extend({ library_id: Id }) : def.input;
  const procedure = t.procedure
    .meta({
      openapi: {
        method: def.method,
        path,
        summary: def.name,
        description: def.description,
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
      // The middleware's context: what the access service established for this rule.
      const result = await def.handle({
        ctx: ctx as OperationContext<C, R>,
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

export function operation<
  I extends z.ZodObject,
  O extends z.ZodType,
  C extends Caller,
  R extends ResourceKind = never,
  M extends Method = Method,
>(def: OperationDef<I, O, C, R, M>) {
  return {
    def,
    procedure: build(def, false),
    libraryProcedure: def.libraryScoped ? build(def, true) : undefined,
  };
}

type Operation = ReturnType<typeof operation<z.ZodObject, z.ZodType, Caller, ResourceKind, Method>>;

/** The plain procedures of a group of operations, for a router. */
export const procedures = <T extends Record<string, Operation>>(ops: T) =>
  Object.fromEntries(Object.entries(ops).map(([key, op]) => [key, op.procedure])) as {
    [K in keyof T]: T[K]['procedure'];
  };

/** The library-scoped twins of the operations that have one. */
export const libraryProcedures = <T extends Record<string, Operation>>(ops: T) =>
  Object.fromEntries(
    Object.entries(ops).flatMap(([key, op]) =>
      op.libraryProcedure ? [[key, op.libraryProcedure] as const] : [],
    ),
  ) as { [K in keyof T]: NonNullable<T[K]['libraryProcedure']> };
