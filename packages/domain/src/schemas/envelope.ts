// The REST envelope: `{success, data | error, timestamp}` with `timestamp` in unix milliseconds.
import { z } from 'zod';
import { ErrorBody } from '../errors.ts';

const UnixMillis = z.number().int().nonnegative();

export const SuccessResponse = z
  .object({ success: z.literal(true), data: z.unknown(), timestamp: UnixMillis })
  .meta({ id: 'SuccessResponse' });
export type SuccessResponse = z.infer<typeof SuccessResponse>;

export const ErrorResponse = z
  .object({ success: z.literal(false), error: ErrorBody, timestamp: UnixMillis })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** The success envelope around a specific payload schema. */
export function successResponse<Data extends z.ZodType>(data: Data) {
  return z.object({ success: z.literal(true), data, timestamp: UnixMillis });
}

export function successEnvelope<T>(data: T, now: number = Date.now()) {
  return { success: true as const, data, timestamp: now };
}

export function errorEnvelope(error: ErrorBody, now: number = Date.now()): ErrorResponse {
  return { success: false, error, timestamp: now };
}
