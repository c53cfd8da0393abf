// An operation of the contract, defined once and compiled into its core (core.ts) per scope:
// plain and, where the contract says so, its library-scoped twin. Each core generates the tRPC
// procedure (with the OpenAPI metadata the REST route and document are built from). Every Caller
// rule is checked (by the access service) before any handler runs, so the handler's context says
// what the rule established: who the actor is and the resource as they stand to it.
import type { AnyRouter } from '@trpc/server';
import type { Caller } from '@vidinfra/domain';
import type { Actor, MemberLibraryAccess, ResourceAccess, ResourceKind } from '@vidinfra/services';
import type { z } from 'zod';
import { compileOperation, type OperationCore } from './core.ts';
import { t, type Context } from './trpc.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

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
  /** Shown in the page (an image), not saved: `Content-Disposition: inline`. */
  inline?: boolean;
}

/**
 * Where REST asks a file operation's core to leave its download instead of collecting it: REST
 * streams it, tRPC answers the collected `content`.
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

const tagOf = (path: string) => path.split('/')[1] ?? 'default';

/** Which core each generated procedure runs (REST and the lean tRPC path find it by procedure). */
const coreOfProcedure = new WeakMap<object, OperationCore>();

/**
 * The tRPC procedure of a compiled operation. tRPC's runner parses the input and checks the
 * output with the core's own schemas (declared here so clients infer their types); the resolver
 * is the core's authorize → handle.
 */
function procedureOf<
  I extends z.ZodObject,
  O extends z.ZodType,
  C extends Caller,
  R extends ResourceKind,
  M extends Method,
>(def: OperationDef<I, O, C, R, M>, scoped: boolean) {
  const core = compileOperation(def as unknown as OperationCore['def'], scoped);
  const procedure = t.procedure
    .meta({
      openapi: {
        method: def.method,
        path: core.path,
        summary: def.name,
        description: def.description,
        tags: [scoped ? 'libraries' : tagOf(def.path)],
        protect: def.caller !== 'public',
      },
      ...(def.file && { file: def.file }),
    })
    .input(core.input as I)
    .output(def.output);
  const resolve = ({ ctx, input }: { ctx: Context; input: unknown }) =>
    core.execute(ctx, input as Record<string, unknown>) as never;
  const query = () => procedure.query(resolve);
  const mutation = () => procedure.mutation(resolve);
  // The method decides the procedure's type too, so clients see `.query` or `.mutate`, not both.
  const built = def.method === 'GET' ? query() : mutation();
  coreOfProcedure.set(built, core);
  return built as M extends 'GET' ? ReturnType<typeof query> : ReturnType<typeof mutation>;
}

/** The operation core behind every procedure of a router, by the procedure's tRPC path. */
export function operationCores(router: AnyRouter): Map<string, OperationCore> {
  const cores = new Map<string, OperationCore>();
  for (const [path, procedure] of Object.entries(
    router._def.procedures as Record<string, object>,
  )) {
    const core = coreOfProcedure.get(procedure);
    if (core) cores.set(path, core);
  }
  return cores;
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
    procedure: procedureOf(def, false),
    libraryProcedure: def.libraryScoped ? procedureOf(def, true) : undefined,
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
