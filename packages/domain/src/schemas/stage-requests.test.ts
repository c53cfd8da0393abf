import { describe, expect, it } from 'vitest';
import { AT, LATER, parses, rejectsAt, uuid } from '../testing/fixtures.ts';
import {
  HandRaiseListResponse,
  HandRaiseResponse,
  JoinRequestResponse,
  MyHandRaiseResponse,
  MyJoinRequestResponse,
  RaiseHandRequest,
} from './stage-requests.ts';

const hand = (overrides: Record<string, unknown> = {}) => ({
  id: uuid(),
  session_id: uuid(),
  user_id: uuid(),
  display_name: 'Bob',
  status: 'pending',
  position: 1,
  raised_at: AT,
  ...overrides,
});

describe('hand raises', () => {
  it('raise with an optional short message', () => {
    expect(parses(RaiseHandRequest, {})).toEqual({});
    expect(parses(RaiseHandRequest, { message: ' Q about pricing ' })).toEqual({
      message: 'Q about pricing',
    });
    rejectsAt(RaiseHandRequest, { message: 'x'.repeat(201) }, ['message']);
  });

  it('show a 1-based queue position while pending', () => {
    expect(parses(HandRaiseResponse, hand())).toMatchObject({ position: 1 });
    rejectsAt(HandRaiseResponse, hand({ position: 0 }), ['position']);
    const resolved = hand({
      status: 'approved',
      position: undefined,
      resolved_at: LATER,
      resolved_by: uuid(),
    });
    expect(HandRaiseResponse.safeParse(resolved).success).toBe(true);
    rejectsAt(HandRaiseResponse, hand({ status: 'raised' }), ['status']);
    expect(HandRaiseResponse.safeParse(hand({ status: 'withdrawn' })).success).toBe(true);
  });

  it('answer "my hand" with the hand or null, and list pending ones in pages', () => {
    expect(parses(MyHandRaiseResponse, { hand: null })).toEqual({ hand: null });
    expect(MyHandRaiseResponse.safeParse({ hand: hand() }).success).toBe(true);
    const page = { items: [hand(), hand({ position: 2 })], total: 2, page: 1, limit: 20 };
    expect(HandRaiseListResponse.safeParse(page).success).toBe(true);
  });
});

describe('join requests', () => {
  const request = {
    id: uuid(),
    session_id: uuid(),
    user_id: uuid(),
    display_name: 'Bob',
    message: 'I can demo the integration',
    status: 'pending',
    created_at: AT,
  };

  it('carry status and resolution', () => {
    expect(parses(JoinRequestResponse, request)).toEqual(request);
    const approved = { ...request, status: 'approved', resolved_at: LATER, resolved_by: uuid() };
    expect(JoinRequestResponse.safeParse(approved).success).toBe(true);
    rejectsAt(JoinRequestResponse, { ...request, status: 'maybe' }, ['status']);
    expect(parses(MyJoinRequestResponse, { request: null })).toEqual({ request: null });
  });
});
