import { TRPCError } from '@trpc/server';
import { DomainError } from '@vidinfra/domain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeError, toTRPCError } from './errors.ts';

const zodError = () => {
  const parsed = z.object({ id: z.uuid() }).safeParse({ id: 'nope' });
  if (parsed.success) throw new Error('the fixture input should not parse');
  return parsed.error;
};

describe('describeError', () => {
  it('answers a schema error about the input as 400 VALIDATION_ERROR with the field', () => {
    const described = describeError(new TRPCError({ code: 'BAD_REQUEST', cause: zodError() }));
    expect(described).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_ERROR', details: [{ field: 'id' }] },
      unexpected: false,
    });
  });

  it('answers an output that fails its schema as a 500 worth logging, not as the caller’s fault', () => {
    const outputFailed = new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Output validation failed',
      cause: zodError(),
    });
    expect(describeError(outputFailed)).toMatchObject({
      status: 500,
      body: { code: 'INTERNAL' },
      unexpected: true,
    });
    expect(toTRPCError(outputFailed).code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('keeps a domain error’s code whether or not tRPC wrapped it', () => {
    const banned = new DomainError('BANNED');
    expect(describeError(banned).status).toBe(403);
    expect(describeError(toTRPCError(banned)).body.code).toBe('BANNED');
  });
});
