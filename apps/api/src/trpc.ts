import { initTRPC } from '@trpc/server';
import type { Services, Actor } from '@vidinfra/services';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { describeError, toTRPCError } from './errors.ts';

export interface Context {
  services: Services;
  /** The bearer token sent with the request, if any (verified by the authenticate middleware). */
  token: string | null;
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

/** Domain errors leave as tRPC errors of the fitting code (the REST adapter reads the cause). */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error.cause ?? result.error);
  return result;
});

/** A sent token must be valid, even on public operations: it identifies the caller. */
const authenticate = t.middleware(async ({ ctx, next }) => {
  const actor = ctx.token !== null ? await ctx.services.auth.authenticate(ctx.token) : null;
  return next({ ctx: { ...ctx, actor } });
});

export const baseProcedure = t.procedure.use(mapErrors).use(authenticate);
