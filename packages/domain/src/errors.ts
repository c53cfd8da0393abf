// The one error model: machine code → HTTP status → tRPC code → REST envelope / Socket.IO ack.
import { z } from 'zod';

/** tRPC v11 error codes and the HTTP status tRPC itself answers with for each. */
export const TRPC_ERROR_STATUS = {
  PARSE_ERROR: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  TIMEOUT: 408,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  CLIENT_CLOSED_REQUEST: 499,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
} as const;
export type TrpcErrorCode = keyof typeof TRPC_ERROR_STATUS;

interface ErrorRule {
  /** HTTP status of the REST response. */
  readonly status: number;
  /** tRPC error code of the procedure error (its own HTTP status may differ, e.g. 410). */
  readonly trpc: TrpcErrorCode;
}

export const ERROR_CODES = {
  VALIDATION_ERROR: { status: 400, trpc: 'BAD_REQUEST' },
  INVALID_JSON: { status: 400, trpc: 'PARSE_ERROR' },
  UNAUTHORIZED: { status: 401, trpc: 'UNAUTHORIZED' },
  TOKEN_EXPIRED: { status: 401, trpc: 'UNAUTHORIZED' },
  INVALID_CREDENTIALS: { status: 401, trpc: 'UNAUTHORIZED' },
  FORBIDDEN: { status: 403, trpc: 'FORBIDDEN' },
  BANNED: { status: 403, trpc: 'FORBIDDEN' },
  CHAT_DISABLED: { status: 403, trpc: 'FORBIDDEN' },
  POLLS_DISABLED: { status: 403, trpc: 'FORBIDDEN' },
  HAND_RAISE_DISABLED: { status: 403, trpc: 'FORBIDDEN' },
  JOIN_REQUESTS_DISABLED: { status: 403, trpc: 'FORBIDDEN' },
  ACCOUNT_DISABLED: { status: 403, trpc: 'FORBIDDEN' },
  PLAYBACK_TOKEN_EXPIRED: { status: 403, trpc: 'FORBIDDEN' },
  NOT_FOUND: { status: 404, trpc: 'NOT_FOUND' },
  METHOD_NOT_ALLOWED: { status: 405, trpc: 'METHOD_NOT_SUPPORTED' },
  NO_DEFAULT_PLAYBACK: { status: 404, trpc: 'NOT_FOUND' },
  CONFLICT: { status: 409, trpc: 'CONFLICT' },
  INVALID_STATE_TRANSITION: { status: 409, trpc: 'CONFLICT' },
  SESSION_LIVE: { status: 409, trpc: 'CONFLICT' },
  POLL_CLOSED: { status: 409, trpc: 'CONFLICT' },
  STAGE_FULL: { status: 409, trpc: 'CONFLICT' },
  RECORDING_ACTIVE: { status: 409, trpc: 'CONFLICT' },
  NO_ACTIVE_RECORDING: { status: 409, trpc: 'CONFLICT' },
  RECORDING_NOT_READY: { status: 409, trpc: 'CONFLICT' },
  ALREADY_EXISTS: { status: 409, trpc: 'CONFLICT' },
  // tRPC has no 410: procedures throw NOT_FOUND, REST answers 410 Gone.
  CODE_EXPIRED: { status: 410, trpc: 'NOT_FOUND' },
  PRECONDITION_FAILED: { status: 412, trpc: 'PRECONDITION_FAILED' },
  PAYLOAD_TOO_LARGE: { status: 413, trpc: 'PAYLOAD_TOO_LARGE' },
  // tRPC has no 414 (its inputs travel in a query string only for queries): BAD_REQUEST.
  URI_TOO_LONG: { status: 414, trpc: 'BAD_REQUEST' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, trpc: 'UNSUPPORTED_MEDIA_TYPE' },
  // tRPC has no 416 (only REST serves byte ranges): procedures throw BAD_REQUEST.
  RANGE_NOT_SATISFIABLE: { status: 416, trpc: 'BAD_REQUEST' },
  BUSINESS_RULE: { status: 422, trpc: 'UNPROCESSABLE_CONTENT' },
  SLOW_MODE: { status: 429, trpc: 'TOO_MANY_REQUESTS' },
  RATE_LIMITED: { status: 429, trpc: 'TOO_MANY_REQUESTS' },
  INTERNAL: { status: 500, trpc: 'INTERNAL_SERVER_ERROR' },
  MEDIA_UNAVAILABLE: { status: 503, trpc: 'SERVICE_UNAVAILABLE' },
  UNAVAILABLE: { status: 503, trpc: 'SERVICE_UNAVAILABLE' },
} as const satisfies Record<string, ErrorRule>;

export type ErrorCode = keyof typeof ERROR_CODES;
export const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/** The human text used when a DomainError is thrown without one. */
export const DEFAULT_ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_ERROR: 'The request is invalid',
  INVALID_JSON: 'The request body is not valid JSON',
  UNAUTHORIZED: 'Authentication required',
  TOKEN_EXPIRED: 'The access token has expired',
  INVALID_CREDENTIALS: 'Invalid email or password',
  FORBIDDEN: 'You are not allowed to do this',
  BANNED: 'You are banned from this session',
  CHAT_DISABLED: 'Chat is disabled for this session',
  POLLS_DISABLED: 'Polls are disabled for this session',
  HAND_RAISE_DISABLED: 'Hand raising is disabled for this session',
  JOIN_REQUESTS_DISABLED: 'Join requests are disabled for this session',
  ACCOUNT_DISABLED: 'This account is disabled',
  PLAYBACK_TOKEN_EXPIRED: 'The playback token has expired: fetch the playback again',
  NOT_FOUND: 'Not found',
  METHOD_NOT_ALLOWED: 'This path does not answer that method',
  NO_DEFAULT_PLAYBACK: 'No default playback found for session',
  CONFLICT: 'The request conflicts with the current state',
  INVALID_STATE_TRANSITION: 'The session cannot make that transition',
  SESSION_LIVE: 'The session is live',
  POLL_CLOSED: 'The poll is closed',
  STAGE_FULL: 'The stage is full',
  RECORDING_ACTIVE: 'A recording is already active',
  NO_ACTIVE_RECORDING: 'No recording is active',
  RECORDING_NOT_READY: 'The recording is not ready yet',
  ALREADY_EXISTS: 'It already exists',
  CODE_EXPIRED: 'The code has expired or was already used',
  PRECONDITION_FAILED: 'A precondition of the request failed',
  PAYLOAD_TOO_LARGE: 'The request is too large',
  URI_TOO_LONG: 'The request URL is too long',
  UNSUPPORTED_MEDIA_TYPE: 'Send the body as application/json',
  RANGE_NOT_SATISFIABLE: 'The requested range is outside the file',
  BUSINESS_RULE: 'The request breaks a business rule',
  SLOW_MODE: 'Slow mode is on: wait before sending again',
  RATE_LIMITED: 'Too many requests',
  INTERNAL: 'Internal error',
  MEDIA_UNAVAILABLE: 'The media backend is unavailable',
  UNAVAILABLE: 'The service is unavailable',
};

export const ErrorDetail = z
  .object({ field: z.string().optional(), message: z.string() })
  .meta({ id: 'ErrorDetail' });
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** The `error` member of the REST envelope and of a failed Socket.IO ack. */
export const ErrorBody = z
  .object({
    code: z.enum(ERROR_CODE_NAMES),
    message: z.string(),
    details: z.array(ErrorDetail).optional(),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export interface DomainErrorOptions {
  details?: ErrorDetail[];
  /** Seconds until a retry may succeed (SLOW_MODE, RATE_LIMITED): the Retry-After header. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** An expected failure with a machine code; everything else maps to INTERNAL. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: ErrorCode;
  readonly details?: ErrorDetail[];
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message?: string, options: DomainErrorOptions = {}) {
    super(message ?? DEFAULT_ERROR_MESSAGES[code], { cause: options.cause });
    this.code = code;
    if (options.details) this.details = options.details;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get trpcCode(): TrpcErrorCode {
    return ERROR_CODES[this.code].trpc;
  }

  toBody(): ErrorBody {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** True for DomainErrors, also ones created by another copy of this package. */
export function isDomainError(value: unknown): value is DomainError {
  if (value instanceof DomainError) return true;
  return (
    value instanceof Error &&
    value.name === 'DomainError' &&
    isErrorCode((value as { code?: unknown }).code)
  );
}

/** A VALIDATION_ERROR listing each zod issue with its dotted field path. */
export function validationError(error: z.ZodError, message?: string): DomainError {
  const details = error.issues.map((issue): ErrorDetail => {
    const field = issue.path.map(String).join('.');
    return field ? { field, message: issue.message } : { message: issue.message };
  });
  return new DomainError('VALIDATION_ERROR', message, { details, cause: error });
}
