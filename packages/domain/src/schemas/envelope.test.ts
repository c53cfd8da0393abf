import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { parses, rejectsAt, uuid } from '../testing/fixtures.ts';
import {
  ErrorResponse,
  SuccessResponse,
  errorEnvelope,
  successEnvelope,
  successResponse,
} from './envelope.ts';
import { StudioURLResponse } from './sessions.ts';

describe('REST envelope', () => {
  it("matches the contract's studio_url example", () => {
    const example = {
      success: true,
      data: {
        url: `https://viewer.example.com/sessions/${uuid()}/live?code=${uuid()}`,
        expires_in: 60,
      },
      timestamp: 0,
    };
    expect(parses(successResponse(StudioURLResponse), example)).toEqual(example);
    expect(SuccessResponse.safeParse(example).success).toBe(true);
  });

  it('types data when built around a payload schema', () => {
    const Envelope = successResponse(StudioURLResponse);
    rejectsAt(Envelope, { success: true, data: { url: 'x' }, timestamp: 0 }, ['data', 'url']);
    rejectsAt(Envelope, { success: false, data: {}, timestamp: 0 }, ['success']);
  });

  it('builds success and error envelopes with unix-ms timestamps', () => {
    expect(successEnvelope({ a: 1 }, 1700000000000)).toEqual({
      success: true,
      data: { a: 1 },
      timestamp: 1700000000000,
    });
    const error = errorEnvelope(new DomainError('STAGE_FULL').toBody(), 5);
    expect(parses(ErrorResponse, error)).toEqual({
      success: false,
      error: { code: 'STAGE_FULL', message: 'The stage is full' },
      timestamp: 5,
    });
    expect(successEnvelope(null).timestamp).toBeGreaterThan(1_600_000_000_000);
  });

  it('rejects error bodies without a known code', () => {
    rejectsAt(ErrorResponse, { success: false, error: { message: 'x' }, timestamp: 0 }, [
      'error',
      'code',
    ]);
  });
});
