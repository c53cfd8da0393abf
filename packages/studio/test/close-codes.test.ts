import { describe, expect, it } from 'vitest';
import { closeVerdict } from '../src/close-codes.ts';

describe('closeVerdict: what the studio does when the ingest closes', () => {
  it.each([
    [4401, '', 'failed', /sign-in/],
    [4403, '', 'failed', /may not publish/],
    [4403, 'removed', 'failed', /removed/],
    [4404, '', 'failed', /no stream open/],
    [4409, 'publisher already connected', 'takeover', /already publishing/],
    [4409, 'taken over', 'failed', /took over/],
    [4410, '', 'ended', /ended/],
    [4413, '', 'failed', /quota/],
    [4415, '', 'failed', /format/],
    [4422, '', 'failed', /could not read/],
    [1009, '', 'failed', /too large/],
    [1000, '', 'ended', /stopped/],
  ])('%i %s → %s', (code, reason, kind, message) => {
    const verdict = closeVerdict(code, reason);
    expect(verdict.kind).toBe(kind);
    expect(verdict.message).toMatch(message);
  });

  it.each([1006, 1001, 1011, 4408])('a drop (%i) reconnects', (code) => {
    expect(closeVerdict(code).kind).toBe('reconnect');
  });
});
