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
    errorFormatter: ({ shape, error }) => ({
      ...shape,
      data: { ...shape.data, error: describeError(error).body },
    }),
  });

export const router = t.router;
