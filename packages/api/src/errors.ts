// Every failure, whatever raised it (a service, input validation, fastify's body parser, a bug),
// becomes one error body with a machine code and the status the domain's table gives it.
import { TRPCError } from '@trpc/server';
import { DomainError, ERROR_CODES, type ErrorBody, type ErrorCode } from '@vidinfra/domain';

export interface DescribedError {
  status: number;
  body: ErrorBody;
  retryAfterSeconds?: number;
  /** Unexpected: worth logging. */
  unexpected: boolean;
}

type Issue = { path: PropertyKey[]; message: string };
const isZodError = (e: unknown): e is { issues: Issue[] } =>
  e instanceof Error && e.name === 'ZodError' && Array.isArray((e as { issues?: unknown }).issues);

const TRPC_TO_DOMAIN: Partial<Record<TRPCError['code'], ErrorCode>> = {
  PARSE_ERROR: 'INVALID_JSON',
  BAD_REQUEST: 'VALIDATION_ERROR',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  METHOD_NOT_SUPPORTED: 'NOT_FOUND',
};

/** The HTTP framework's own request errors (URL, body parsing, size, content type), by code. */
const FRAMEWORK_TO_DOMAIN: Record<string, ErrorCode> = {
  FST_ERR_BAD_URL: 'VALIDATION_ERROR',
  FST_ERR_MAX_PARAM_LENGTH: 'URI_TOO_LONG',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_ERROR',
};

/** ... and by status, for the ones not named above. */
const HTTP_TO_DOMAIN: Record<number, ErrorCode> = {
  400: 'INVALID_JSON',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** A framework error's message names the framework's own terms: the code's text reads better. */
const FRAMEWORK_MESSAGES: Partial<Record<ErrorCode, string>> = {
  VALIDATION_ERROR: 'the request URL or its headers are malformed',
  URI_TOO_LONG: 'a path parameter is too long',
  UNSUPPORTED_MEDIA_TYPE: 'send the body as application/json',
};

const described = (
  code: ErrorCode,
  message: string,
  extra: Partial<DescribedError> = {},
): DescribedError => ({
  status: ERROR_CODES[code].status,
  body: { code, message, ...(extra.body?.details ? { details: extra.body.details } : {}) },
  retryAfterSeconds: extra.retryAfterSeconds,
  unexpected: extra.unexpected ?? false,
});

export function describeError(error: unknown): DescribedError {
  const cause = error instanceof TRPCError && error.cause ? error.cause : error;
  if (cause instanceof DomainError) {
    return {
      status: cause.status,
      body: cause.toBody(),
      retryAfterSeconds: cause.retryAfterSeconds,
      unexpected: false,
    };
  }
  // A schema's complaint is the caller's fault only about their input: tRPC reports that as
  // BAD_REQUEST, an output that fails its schema as INTERNAL_SERVER_ERROR (our bug).
  const aboutInput = !(error instanceof TRPCError) || error.code === 'BAD_REQUEST';
  if (isZodError(cause) && aboutInput) {
    const details = cause.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || undefined,
      message: issue.message,
    }));
    return described('VALIDATION_ERROR', 'the request is not valid', {
      body: { code: 'VALIDATION_ERROR', message: '', details },
    });
  }
  if (error instanceof TRPCError) {
    const code = TRPC_TO_DOMAIN[error.code];
    if (code) return described(code, error.message);
  }
  const { statusCode, code: frameworkCode } = (error ?? {}) as {
    statusCode?: unknown;
    code?: unknown;
  };
  const code =
    (typeof frameworkCode === 'string' && FRAMEWORK_TO_DOMAIN[frameworkCode]) ||
    (typeof statusCode === 'number' && HTTP_TO_DOMAIN[statusCode]);
  if (code) return described(code, FRAMEWORK_MESSAGES[code] ?? (error as Error).message);
  return described('INTERNAL', 'internal error', { unexpected: true });
}

/** Maps domain errors to tRPC errors so /trpc answers with a fitting tRPC code too. */
export function toTRPCError(error: unknown): TRPCError {
  const { body } = describeError(error);
  const trpcCode = ERROR_CODES[body.code].trpc;
  return new TRPCError({
    code: trpcCode,
    message: body.message,
    cause: error instanceof Error ? error : undefined,
  });
}

/** Runs fn; a domain error leaves as the tRPC error of the fitting code (REST reads the cause). */
export async function mappingErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toTRPCError(error);
  }
}
