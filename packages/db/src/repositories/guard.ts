import { toDomainError } from '../driver-errors.ts';

type Methods = Record<string, (...args: never[]) => Promise<unknown>>;

/** Wraps every method so a driver error leaves it as a typed domain error. */
export const guard = <R extends Methods>(repo: R): R =>
  Object.fromEntries(
    Object.entries(repo).map(([name, method]) => [
      name,
      async (...args: never[]) => {
        try {
          return await method(...args);
        } catch (error) {
          throw toDomainError(error);
        }
      },
    ]),
  ) as R;
