import { describe, expect, it } from 'vitest';
import type { Actor, Caller, ResourceContext, SignedInActor } from './permissions.ts';
import { CALLERS, canCall } from './permissions.ts';
import { uuid } from './testing/fixtures.ts';

const OTHER = uuid();
const account = (accountRole: SignedInActor['accountRole']): SignedInActor => ({
  userId: uuid(),
  accountRole,
  disabled: false,
});

/** Every kind of caller the rules distinguish, with the context the service would resolve. */
function actorKinds(): Record<string, { actor: Actor; resource: ResourceContext }> {
  const owner = account('host');
  const author = account('viewer');
  const disabled = { ...account('host'), disabled: true };
  return {
    anonymous: { actor: null, resource: { ownerId: OTHER } },
    disabled: { actor: disabled, resource: { ownerId: disabled.userId, libraryRole: 'owner' } },
    viewer: { actor: account('viewer'), resource: { ownerId: OTHER, sessionRole: 'viewer' } },
    banned: { actor: account('viewer'), resource: { ownerId: OTHER, banned: true } },
    banned_guest: {
      actor: account('viewer'),
      resource: { ownerId: OTHER, banned: true, onStage: true, sessionRole: 'participant' },
    },
    stage_guest: {
      actor: account('viewer'),
      resource: { ownerId: OTHER, onStage: true, sessionRole: 'participant' },
    },
    author: { actor: author, resource: { ownerId: OTHER, authorId: author.userId } },
    moderator: { actor: account('viewer'), resource: { ownerId: OTHER, sessionRole: 'moderator' } },
    cohost: { actor: account('host'), resource: { ownerId: OTHER, sessionRole: 'cohost' } },
    owner: { actor: owner, resource: { ownerId: owner.userId, banned: true } },
    other_host: { actor: account('host'), resource: { ownerId: OTHER } },
    admin: { actor: account('admin'), resource: { ownerId: OTHER } },
    library_member: { actor: account('viewer'), resource: { libraryRole: 'member' } },
    library_owner: { actor: account('host'), resource: { libraryRole: 'owner' } },
  };
}

const KINDS = Object.keys(actorKinds());

// ok = allowed, U = UNAUTHORIZED, F = FORBIDDEN, B = BANNED; one column per actor kind:
//  anonymous disabled viewer banned banned_guest stage_guest author moderator cohost owner
//  other_host admin library_member library_owner
const EXPECTED: Record<Caller, string> = {
  public: '           ok ok ok ok ok ok ok ok ok ok ok ok ok ok',
  any: '              U  U  ok ok ok ok ok ok ok ok ok ok ok ok',
  attendee: '         U  U  ok B  B  ok ok ok ok ok ok ok ok ok',
  host: '             U  U  F  F  F  F  F  F  ok ok ok ok F  ok',
  owner: '            U  U  F  F  F  F  F  F  F  ok F  F  F  F',
  owner_or_admin: '   U  U  F  F  F  F  F  F  F  ok F  ok F  F',
  host_side: '        U  U  F  F  F  F  F  F  ok ok F  ok F  F',
  staff: '            U  U  F  F  F  F  F  ok ok ok F  ok F  F',
  stage_participant: 'U  U  F  B  B  ok F  F  F  F  F  F  F  F',
  author_or_staff: '  U  U  F  B  B  F  ok ok ok ok F  ok F  F',
  member: '           U  U  F  F  F  F  F  F  F  F  F  F  ok ok',
  library_owner: '    U  U  F  F  F  F  F  F  F  F  F  F  F  ok',
  admin: '            U  U  F  F  F  F  F  F  F  F  F  ok F  F',
  token_in_query: '   U  U  U  U  U  U  U  U  U  U  U  U  U  U',
  livekit_signed: '   U  U  U  U  U  U  U  U  U  U  U  U  U  U',
};

const OUTCOME = { ok: 'ok', U: 'UNAUTHORIZED', F: 'FORBIDDEN', B: 'BANNED' } as const;

function outcome(caller: Caller, actor: Actor, resource: ResourceContext): string {
  const check = canCall(caller, actor, resource);
  return check.ok ? 'ok' : check.code;
}

describe('canCall', () => {
  it('has a row for every Caller and a column for every actor kind', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CALLERS].sort());
    for (const row of Object.values(EXPECTED)) expect(row.trim().split(/\s+/)).toHaveLength(14);
    expect(KINDS).toHaveLength(14);
  });

  const cases = CALLERS.flatMap((caller) => {
    const row = EXPECTED[caller].trim().split(/\s+/) as (keyof typeof OUTCOME)[];
    return KINDS.map((kind, index) => ({ caller, kind, expected: OUTCOME[row[index]!] }));
  });

  it.each(cases)('$caller × $kind → $expected', ({ caller, kind, expected }) => {
    const { actor, resource } = actorKinds()[kind]!;
    expect(outcome(caller, actor, resource)).toBe(expected);
  });

  it.each(KINDS)(
    'lets %s through token_in_query / livekit_signed with a valid credential',
    (kind) => {
      const { actor, resource } = actorKinds()[kind]!;
      const valid = { ...resource, queryTokenValid: true, signatureValid: true };
      expect(outcome('token_in_query', actor, valid)).toBe('ok');
      expect(outcome('livekit_signed', actor, valid)).toBe('ok');
    },
  );

  it('infers the owner session role from ownerId for host-side rules', () => {
    const owner = account('viewer');
    expect(outcome('host_side', owner, { ownerId: owner.userId })).toBe('ok');
    expect(outcome('host_side', owner, { sessionRole: 'owner' })).toBe('ok');
    expect(outcome('owner', owner, { sessionRole: 'owner' })).toBe('ok');
  });

  it('never treats the host side as banned', () => {
    const cohost = account('host');
    const context = { sessionRole: 'cohost', banned: true } as const;
    expect(outcome('attendee', cohost, context)).toBe('ok');
    expect(outcome('attendee', account('admin'), { banned: true })).toBe('ok');
  });

  it('defaults to an empty resource context', () => {
    expect(canCall('any', account('viewer'))).toEqual({ ok: true });
    expect(canCall('owner', account('viewer'))).toEqual({ ok: false, code: 'FORBIDDEN' });
  });
});
