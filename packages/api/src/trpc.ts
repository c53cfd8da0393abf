import { initTRPC } from '@trpc/server';
import type { Services, Actor } from '@vidinfra/services';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { describeError } from './errors.ts';

export interface Context {
  services: Services;
  /** The caller, from the verified bearer token; null when none was sent. */
  actor: Actor | null;
  ip: string;
}

export const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta>()
  .create({
    // Never a stack trace to a client, whatever NODE_ENV says: the server logs unexpected errors.
    isDev: false,
    // The one error model: the same machine code, readable message and field details as the
    // REST envelope's `error`, under `data.error`; tRPC's own code and status stay for its client.
    errorFormatter: ({ shape, error }) => {
      const body = describeError(error).body;
      return {
        message: body.message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          ...(shape.data.path !== undefined && { path: shape.data.path }),
          error: body,
        },
      };
    },
  });

export const router = t.router;
