import { describe, expect, it } from 'vitest';
import { parses, rejectsAt } from '../testing/fixtures.ts';
import { DeviceToken, EmailInput, NewPassword, PasswordAttempt, Timestamp } from './fields.ts';

describe('Timestamp', () => {
  it('accepts ISO 8601 UTC, with or without fractions', () => {
    expect(Timestamp.safeParse('2025-01-31T18:00:00Z').success).toBe(true);
    expect(Timestamp.safeParse('2025-01-31T18:00:00.123Z').success).toBe(true);
  });

  it.each(['2025-01-31T18:00:00+01:00', '2025-01-31', '2025-02-30T00:00:00Z', 1738346400000])(
    'rejects %j',
    (value) => expect(Timestamp.safeParse(value).success).toBe(false),
  );
});

describe('EmailInput', () => {
  it('trims and lower-cases', () => {
    expect(parses(EmailInput, '  Ann.Lee@Example.COM ')).toBe('ann.lee@example.com');
  });

  it.each(['ann', 'ann@', '@example.com', `${'a'.repeat(250)}@example.com`])('rejects %j', (v) => {
    rejectsAt(EmailInput, v, []);
  });
});

describe('passwords', () => {
  it('requires 8–256 characters for new ones, kept verbatim', () => {
    expect(parses(NewPassword, ' secret1 ')).toBe(' secret1 ');
    rejectsAt(NewPassword, 'short', []);
    rejectsAt(NewPassword, 'x'.repeat(257), []);
  });

  it('accepts any non-empty attempt up to 256 characters at login', () => {
    expect(PasswordAttempt.safeParse('abc').success).toBe(true);
    rejectsAt(PasswordAttempt, '', []);
    rejectsAt(PasswordAttempt, 'x'.repeat(257), []);
  });
});

describe('DeviceToken', () => {
  it('accepts 16–256 printable characters', () => {
    expect(DeviceToken.safeParse('dev_0123456789abcdef').success).toBe(true);
  });

  it.each(['short', 'has spaces in the token', 'é'.repeat(20), 'x'.repeat(257)])(
    'rejects %j',
    (value) => rejectsAt(DeviceToken, value, []),
  );
});
