// What went wrong with a call, in the contract's error model: the machine code, the message to
// show and the fields it is about, however the call was made.
import { TRPCClientError } from '@trpc/client';
import { ErrorBody } from '@vidinfra/domain';

/** The contract's error body of a failed tRPC call, or null when the call never reached it. */
export function apiErrorOf(error: unknown): ErrorBody | null {
  if (!(error instanceof TRPCClientError)) return null;
  const body = ErrorBody.safeParse((error.data as { error?: unknown } | undefined)?.error);
  return body.success ? body.data : null;
}
