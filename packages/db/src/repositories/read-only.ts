const READ_ONLY = Symbol('readOnly');

/**
 * Marks a repository method that reads with a single statement. Outside a transaction such a
 * method may run on a read connection (SQLite's second connection, which sees only committed
 * data), so a read never waits behind another request's transaction. A method that writes, or
 * reads with several statements that must agree, is not marked.
 */
export const readOnly = <F extends (...args: never[]) => Promise<unknown>>(method: F): F =>
  Object.assign(method, { [READ_ONLY]: true });

export const isReadOnly = (method: unknown): boolean =>
  typeof method === 'function' && READ_ONLY in method;
