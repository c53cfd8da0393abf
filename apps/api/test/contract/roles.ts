// The roles the suite acts as, and which of them each Caller rule of the contract admits.
import { CALLER_BY_SPEC_LABEL, type AccountRole, type Caller } from '@vidinfra/domain';

export const SIGNED_IN_ROLES = [
  'viewer',
  'host',
  'owner',
  'cohost',
  'moderator',
  'stage',
  'banned',
  'admin',
  'member',
  'libOwner',
  'nonMember',
] as const;
export type SignedInRole = (typeof SIGNED_IN_ROLES)[number];
export type Role = 'anonymous' | SignedInRole;

/**
 * Who each role is. Session-world roles relate to the world's room/session/preset (owned by
 * `owner`); library-world roles to the shared library (owned by `libOwner`, which also owns the
 * library world's room/session/preset). Staff and audience roles are viewer accounts, so an
 * account-role rule cannot admit them by accident.
 */
export const ACCOUNT_ROLE: Record<SignedInRole, AccountRole> = {
  viewer: 'viewer',
  host: 'host',
  owner: 'host',
  cohost: 'viewer',
  moderator: 'viewer',
  stage: 'viewer',
  banned: 'viewer',
  admin: 'admin',
  member: 'host',
  libOwner: 'host',
  nonMember: 'host',
};

/** Roles a row is exercised as: session world (rooms, sessions, presets…) or library world. */
export const ROLE_SETS = {
  session: [
    'anonymous',
    'viewer',
    'host',
    'owner',
    'cohost',
    'moderator',
    'stage',
    'banned',
    'admin',
  ],
  library: ['anonymous', 'viewer', 'admin', 'member', 'libOwner', 'nonMember'],
} as const satisfies Record<string, readonly Role[]>;
export type RoleSet = keyof typeof ROLE_SETS;

const EVERYONE: readonly Role[] = ['anonymous', ...SIGNED_IN_ROLES];
const SIGNED_IN: readonly Role[] = SIGNED_IN_ROLES;
const HOST_ACCOUNTS = SIGNED_IN_ROLES.filter((role) => ACCOUNT_ROLE[role] !== 'viewer');

/** Our own reading of each rule, in fixture roles (not derived from the implementation). */
const ADMITS: Record<Caller, readonly Role[]> = {
  public: EVERYONE,
  any: SIGNED_IN,
  attendee: SIGNED_IN.filter((role) => role !== 'banned'),
  host: HOST_ACCOUNTS,
  owner: ['owner', 'libOwner'],
  owner_or_admin: ['owner', 'libOwner', 'admin'],
  host_side: ['owner', 'libOwner', 'cohost', 'admin'],
  staff: ['owner', 'libOwner', 'cohost', 'moderator', 'admin'],
  stage_participant: ['stage'],
  author_or_staff: ['owner', 'libOwner', 'cohost', 'moderator', 'admin'],
  member: ['member', 'libOwner'],
  library_owner: ['libOwner'],
  admin: ['admin'],
  // Whoever holds the signed token, which the case puts in the query; the refusals of a missing,
  // forged or foreign token are the case's documented errors.
  token_in_query: EVERYONE,
  livekit_signed: [],
};

/** Rules whose refusal of a banned caller is BANNED rather than FORBIDDEN. */
const BANNABLE: readonly Caller[] = ['attendee', 'stage_participant', 'author_or_staff'];

export function callerRule(label: string): Caller {
  const rule = CALLER_BY_SPEC_LABEL[label];
  if (!rule) throw new Error(`the domain has no Caller rule for the spec label "${label}"`);
  return rule;
}

export const admits = (rule: Caller, role: Role): boolean => ADMITS[rule].includes(role);

export interface Denial {
  status: number;
  code: string;
}

/** What an excluded role gets: 401 when anonymous, BANNED on attendee-level rules, else 403. */
export function denialFor(rule: Caller, role: Role): Denial {
  if (role === 'anonymous') return { status: 401, code: 'UNAUTHORIZED' };
  if (role === 'banned' && BANNABLE.includes(rule)) return { status: 403, code: 'BANNED' };
  return { status: 403, code: 'FORBIDDEN' };
}
