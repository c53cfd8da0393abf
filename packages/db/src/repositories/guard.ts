import { toDomainError } from '../driver-errors.ts';
import { isReadOnly, readOnly } from './read-only.ts';

type Methods = Record<string, (...args: never[]) => Promise<unknown>>;

/**
 * Wraps every method so a driver error leaves it as a typed domain error (a read-only method
 * stays marked).
 */
export const guard = <R extends Methods>(repo: R): R =>
  Object.fromEntries(
    Object.entries(repo).map(([name, method]) => {
      const guarded = async (...args: never[]) => {
        try {
          return await method(...args);
        } catch (error) {
          throw toDomainError(error);
        }
      };
      return [name, isReadOnly(method) ? readOnly(guarded) : guarded];
    }),
  ) as R;
