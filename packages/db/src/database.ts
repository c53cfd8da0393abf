import { toDomainError } from './driver-errors.ts';
import type { Executor } from './executor.ts';
import { createRepositories, type Repositories } from './repositories/index.ts';
import { isReadOnly } from './repositories/read-only.ts';

export interface Database {
  readonly dialect: 'postgres' | 'sqlite';
  /** Each call commits on its own. */
  readonly repos: Repositories;
  /** Everything fn does through the repositories it is given commits together or not at all. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  /** Calls `listener` after each committed transaction of this process that appended to the outbox. */
  onCommit(listener: () => void): () => void;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

interface DatabaseParts {
  dialect: Database['dialect'];
  autocommit: Executor;
  begin<T>(fn: (x: Executor) => Promise<T>): Promise<T>;
  /** Route every autocommit call through begin (a connection that runs one thing at a time). */
  serializeAutocommit?: boolean;
  /**
   * A connection that sees only committed data, for the autocommit calls of read-only methods
   * (they then skip begin's queue).
   */
  reader?: Executor;
  ping(): Promise<void>;
  close(): Promise<void>;
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>;
type MethodTable = Record<string, Record<string, AnyMethod>>;

/**
 * The same repositories, each method replaced by route(repoName, methodName, args), or, for a
 * read-only method when there is a reader, by the reader's own.
 */
const routeCalls = (
  shape: Repositories,
  route: (repo: string, method: string, args: unknown[]) => Promise<unknown>,
  reader?: Repositories,
): Repositories =>
  Object.fromEntries(
    Object.entries(shape as unknown as MethodTable).map(([repo, methods]) => [
      repo,
      Object.fromEntries(
        Object.entries(methods).map(([method, call]) => [
          method,
          reader && isReadOnly(call)
            ? (reader as unknown as MethodTable)[repo]![method]!
            : (...args: unknown[]) => route(repo, method, args),
        ]),
      ),
    ]),
  ) as unknown as Repositories;

export function assembleDatabase(parts: DatabaseParts): Database {
  const listeners = new Set<() => void>();
  // Repositories are built once per executor: SQLite has one, Postgres one per transaction.
  const built = new WeakMap<Executor, Repositories>();
  const reposFor = (x: Executor) => {
    let repos = built.get(x);
    if (!repos) built.set(x, (repos = createRepositories(x)));
    return repos;
  };
  const transaction = async <T>(fn: (repos: Repositories) => Promise<T>): Promise<T> => {
    let executor: Executor | undefined;
    let result: T;
    try {
      result = await parts.begin((x) => {
        executor = x;
        x.journal.appended = false;
        return fn(reposFor(x));
      });
    } catch (error) {
      throw toDomainError(error);
    }
    if (executor?.journal.appended) for (const listener of listeners) listener();
    return result;
  };
  const onCommit = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const direct = reposFor(parts.autocommit);
  const repos = parts.serializeAutocommit
    ? routeCalls(
        direct,
        (repo, method, args) =>
          transaction((r) => (r as unknown as MethodTable)[repo]![method]!(...args)),
        parts.reader && reposFor(parts.reader),
      )
    : direct;
  return {
    dialect: parts.dialect,
    repos,
    transaction,
    onCommit,
    ping: parts.ping,
    close: parts.close,
  };
}
