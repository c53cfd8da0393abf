import { describe, expect, it } from 'vitest';
import { backoffDelay, withinGrace } from '../src/backoff.ts';

describe('reconnect backoff', () => {
  it('doubles from 250 ms and stays at 2 s', () => {
    expect([0, 1, 2, 3, 4, 10].map(backoffDelay)).toEqual([250, 500, 1000, 2000, 2000, 2000]);
  });

  it('tries only while the ingest still keeps the stream', () => {
    expect(withinGrace(0, 5_000, 2_000, 10_000)).toBe(true);
    expect(withinGrace(0, 8_500, 2_000, 10_000)).toBe(false);
    expect(withinGrace(0, 0, 250)).toBe(true);
  });
});
