import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DEFAULT_ERROR_MESSAGES,
  DomainError,
  ERROR_CODES,
  ERROR_CODE_NAMES,
  ErrorBody,
  TRPC_ERROR_STATUS,
  isDomainError,
  isErrorCode,
  validationError,
} from './errors.ts';

const EXPECTED: Record<string, [number, string]> = {
  VALIDATION_ERROR: [400, 'BAD_REQUEST'],
  INVALID_JSON: [400, 'PARSE_ERROR'],
  UNAUTHORIZED: [401, 'UNAUTHORIZED'],
  TOKEN_EXPIRED: [401, 'UNAUTHORIZED'],
  INVALID_CREDENTIALS: [401, 'UNAUTHORIZED'],
  FORBIDDEN: [403, 'FORBIDDEN'],
  BANNED: [403, 'FORBIDDEN'],
  CHAT_DISABLED: [403, 'FORBIDDEN'],
  POLLS_DISABLED: [403, 'FORBIDDEN'],
  HAND_RAISE_DISABLED: [403, 'FORBIDDEN'],
  JOIN_REQUESTS_DISABLED: [403, 'FORBIDDEN'],
  ACCOUNT_DISABLED: [403, 'FORBIDDEN'],
  PLAYBACK_TOKEN_EXPIRED: [403, 'FORBIDDEN'],
  NOT_FOUND: [404, 'NOT_FOUND'],
  METHOD_NOT_ALLOWED: [405, 'METHOD_NOT_SUPPORTED'],
  NO_DEFAULT_PLAYBACK: [404, 'NOT_FOUND'],
  CONFLICT: [409, 'CONFLICT'],
  INVALID_STATE_TRANSITION: [409, 'CONFLICT'],
  SESSION_LIVE: [409, 'CONFLICT'],
  POLL_CLOSED: [409, 'CONFLICT'],
  STAGE_FULL: [409, 'CONFLICT'],
  RECORDING_ACTIVE: [409, 'CONFLICT'],
  NO_ACTIVE_RECORDING: [409, 'CONFLICT'],
  RECORDING_NOT_READY: [409, 'CONFLICT'],
  ALREADY_EXISTS: [409, 'CONFLICT'],
  CODE_EXPIRED: [410, 'NOT_FOUND'],
  PRECONDITION_FAILED: [412, 'PRECONDITION_FAILED'],
  PAYLOAD_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
  URI_TOO_LONG: [414, 'BAD_REQUEST'],
  UNSUPPORTED_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  RANGE_NOT_SATISFIABLE: [416, 'BAD_REQUEST'],
  BUSINESS_RULE: [422, 'UNPROCESSABLE_CONTENT'],
  SLOW_MODE: [429, 'TOO_MANY_REQUESTS'],
  RATE_LIMITED: [429, 'TOO_MANY_REQUESTS'],
  INTERNAL: [500, 'INTERNAL_SERVER_ERROR'],
  MEDIA_UNAVAILABLE: [503, 'SERVICE_UNAVAILABLE'],
  UNAVAILABLE: [503, 'SERVICE_UNAVAILABLE'],
};

describe('ERROR_CODES', () => {
  it.each(Object.entries(EXPECTED))('maps %s to %j', (code, [status, trpc]) => {
    expect(ERROR_CODES).toHaveProperty(code, { status, trpc });
  });

  it.each(ERROR_CODE_NAMES)('%s has an HTTP error status and a tRPC v11 code', (code) => {
    const { status, trpc } = ERROR_CODES[code];
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    expect(Object.keys(TRPC_ERROR_STATUS)).toContain(trpc);
    expect(DEFAULT_ERROR_MESSAGES[code]).toMatch(/\S/);
  });

  it("agrees with tRPC's own status for every code but the 410, 414 and 416 ones", () => {
    const disagreeing = ERROR_CODE_NAMES.filter(
      (code) => TRPC_ERROR_STATUS[ERROR_CODES[code].trpc] !== ERROR_CODES[code].status,
    );
    expect(disagreeing).toEqual(['CODE_EXPIRED', 'URI_TOO_LONG', 'RANGE_NOT_SATISFIABLE']);
  });

  it('is exactly the listed codes', () => {
    expect([...ERROR_CODE_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});

describe('DomainError', () => {
  it('carries its code, status, tRPC code and default message', () => {
    const error = new DomainError('NO_DEFAULT_PLAYBACK');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.status).toBe(404);
    expect(error.trpcCode).toBe('NOT_FOUND');
    expect(error.message).toBe('No default playback found for session');
    expect(error.toBody()).toEqual({
      code: 'NO_DEFAULT_PLAYBACK',
      message: 'No default playback found for session',
    });
  });

  it('keeps details, retry-after and cause', () => {
    const cause = new Error('db');
    const error = new DomainError('SLOW_MODE', 'Wait 5 s', {
      details: [{ field: 'text', message: 'too soon' }],
      retryAfterSeconds: 5,
      cause,
    });
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(5);
    expect(error.cause).toBe(cause);
    expect(ErrorBody.parse(error.toBody())).toEqual({
      code: 'SLOW_MODE',
      message: 'Wait 5 s',
      details: [{ field: 'text', message: 'too soon' }],
    });
  });

  it('keeps the 410 status for CODE_EXPIRED while tRPC sees NOT_FOUND', () => {
    const error = new DomainError('CODE_EXPIRED');
    expect([error.status, error.trpcCode]).toEqual([410, 'NOT_FOUND']);
  });
});

describe('isDomainError / isErrorCode', () => {
  it('recognizes DomainErrors, also from another copy of the package', () => {
    const foreign = Object.assign(new Error('x'), { name: 'DomainError', code: 'FORBIDDEN' });
    expect(isDomainError(new DomainError('FORBIDDEN'))).toBe(true);
    expect(isDomainError(foreign)).toBe(true);
  });

  it('rejects everything else', () => {
    const wrongCode = Object.assign(new Error('x'), { name: 'DomainError', code: 'NOPE' });
    for (const value of [new Error('x'), wrongCode, { code: 'FORBIDDEN' }, null, 'FORBIDDEN']) {
      expect(isDomainError(value)).toBe(false);
    }
  });

  it('knows the codes, not inherited keys', () => {
    expect(isErrorCode('BANNED')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(404)).toBe(false);
  });
});

describe('validationError', () => {
  it('turns zod issues into VALIDATION_ERROR details with dotted paths', () => {
    const schema = z.strictObject({ a: z.object({ b: z.array(z.number()) }) });
    const result = schema.safeParse({ a: { b: [1, 'x'] }, extra: true });
    if (result.success) expect.fail('should not parse');
    const error = validationError(result.error);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.status).toBe(400);
    expect(error.details).toEqual([
      { field: 'a.b.1', message: expect.any(String) },
      { message: expect.stringContaining('extra') },
    ]);
  });
});

describe('ErrorBody', () => {
  it('refuses unknown codes', () => {
    expect(ErrorBody.safeParse({ code: 'TEAPOT', message: 'x' }).success).toBe(false);
  });
});
