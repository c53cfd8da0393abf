import { describe, expect, it } from 'vitest';
import { allowedOrigins, originCheck } from './origins.ts';

describe('originCheck', () => {
  const allows = originCheck(allowedOrigins('https://live.example.com', ['https://a.example.com']));

  it('allows the listed origins exactly, and a request with no Origin', () => {
    expect(allows('https://live.example.com')).toBe(true);
    expect(allows('app://studio')).toBe(true);
    expect(allows('https://a.example.com')).toBe(true);
    expect(allows(undefined)).toBe(true);
  });

  it('refuses any other origin, look-alikes and the opaque "null" origin included', () => {
    for (const origin of [
      'https://evil.example',
      'http://live.example.com',
      'https://live.example.com:8443',
      'https://live.example.com.evil.example',
      'app://other',
      'null',
      '',
    ]) {
      expect(allows(origin), origin).toBe(false);
    }
  });
});
