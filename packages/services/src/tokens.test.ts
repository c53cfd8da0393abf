import { DomainError } from '@vidinfra/domain';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { hs256Tokens } from './tokens.ts';

const SECRET = 'tokens-test-secret-tokens-test-secret';
const NOW = new Date('2030-01-01T10:00:00.000Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

const make = (audience: string, secret = SECRET) =>
  hs256Tokens({
    secret,
    audience,
    ttlSeconds: 60,
    expired: { code: 'TOKEN_EXPIRED', message: 'too old' },
    invalid: { code: 'UNAUTHORIZED', message: 'not ours' },
  });

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) =>
      error instanceof DomainError ? { code: error.code, message: error.message } : error,
  );

describe('hs256Tokens', () => {
  it('gives back the subject and claims of its own token until it expires', async () => {
    const tokens = make('vidinfra-live:a');
    const token = await tokens.sign('subject-1', { extra: 'x' }, NOW);
    const verified = await tokens.verify(token, later(59));
    expect(verified.subject).toBe('subject-1');
    expect(verified.claims).toMatchObject({ extra: 'x', aud: 'vidinfra-live:a' });
    expect(await refusal(tokens.verify(token, later(61)))).toEqual({
      code: 'TOKEN_EXPIRED',
      message: 'too old',
    });
  });

  it('refuses a token of another audience, another secret, or with no subject', async () => {
    const tokens = make('vidinfra-live:a');
    const invalid = { code: 'UNAUTHORIZED', message: 'not ours' };
    const otherUse = await make('vidinfra-live:b').sign('subject-1', {}, NOW);
    expect(await refusal(tokens.verify(otherUse, NOW))).toEqual(invalid);
    const otherSecret = await make('vidinfra-live:a', `${SECRET}!`).sign('subject-1', {}, NOW);
    expect(await refusal(tokens.verify(otherSecret, NOW))).toEqual(invalid);
    const iat = Math.floor(NOW.getTime() / 1000);
    const noSubject = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('vidinfra-live')
      .setAudience('vidinfra-live:a')
      .setIssuedAt(iat)
      .setExpirationTime(iat + 60)
      .sign(new TextEncoder().encode(SECRET));
    expect(await refusal(tokens.verify(noSubject, NOW))).toEqual(invalid);
    expect(await refusal(tokens.verify('not-a-jwt', NOW))).toEqual(invalid);
  });
});
