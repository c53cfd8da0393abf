// What went wrong with a call, in the contract's error model: the machine code, the message to
// show and the fields it is about, however the call was made. Checked by shape, not with the
// domain's zod schema: that would put zod into every page's first load for one object.
import { TRPCClientError } from '@trpc/client';
import type { ErrorBody } from '@vidinfra/domain';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isErrorBody = (value: unknown): value is ErrorBody =>
  isRecord(value) &&
  typeof value.code === 'string' &&
  typeof value.message === 'string' &&
  (value.details === undefined ||
    (Array.isArray(value.details) &&
      value.details.every((d) => isRecord(d) && typeof d.message === 'string')));

/** The contract's error body of a failed tRPC call, or null when the call never reached it. */
export function apiErrorOf(error: unknown): ErrorBody | null {
  if (!(error instanceof TRPCClientError)) return null;
  const body = (error.data as { error?: unknown } | undefined)?.error;
  return isErrorBody(body) ? body : null;
}
