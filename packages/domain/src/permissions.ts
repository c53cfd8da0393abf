// The Caller column of the contract as data: who may call an operation, decided by a pure function.
import type { AccountRole, LibraryRole, SessionRole } from './roles.ts';
import { isHostAccount, isHostSide, isStaff } from './roles.ts';

export const CALLERS = [
  'public',
  'any',
  'attendee',
  'host',
  'owner',
  'owner_or_admin',
  'host_side',
  'staff',
  'stage_participant',
  'author_or_staff',
  'member',
  'library_owner',
  'admin',
  'token_in_query',
  'livekit_signed',
] as const;
export type Caller = (typeof CALLERS)[number];

/** The Caller column's wording in the contract → the rule. */
export const CALLER_BY_SPEC_LABEL: Readonly<Record<string, Caller>> = {
  public: 'public',
  any: 'any',
  attendee: 'attendee',
  host: 'host',
  owner: 'owner',
  'owner/admin': 'owner_or_admin',
  'host side': 'host_side',
  staff: 'staff',
  'stage participant': 'stage_participant',
  'author or staff': 'author_or_staff',
  member: 'member',
  'library owner': 'library_owner',
  admin: 'admin',
  'token in query': 'token_in_query',
  'LiveKit (signed)': 'livekit_signed',
};

export interface SignedInActor {
  userId: string;
  accountRole: AccountRole;
  /** A disabled account's tokens stop working. */
  disabled: boolean;
}

/** The caller; null when no (valid) access token came with the request. */
export type Actor = SignedInActor | null;

/** What the rules need to know about the resource, resolved by the caller of canCall. */
export interface ResourceContext {
  /** Owner of the resource: the room (for its sessions), preset, recording. */
  ownerId?: string | null;
  /** The actor's role in the session; `owner` is also inferred from ownerId. */
  sessionRole?: SessionRole | null;
  /** The actor is banned from the session (or its room). */
  banned?: boolean;
  /** The actor is on the session's stage. */
  onStage?: boolean;
  /** Author of the resource (a chat message). */
  authorId?: string | null;
  /** The actor's role in the library. */
  libraryRole?: LibraryRole | null;
  /** `token_in_query`: the signed token in the query string checked out. */
  queryTokenValid?: boolean;
  /** `livekit_signed`: the webhook signature checked out. */
  signatureValid?: boolean;
}

export type CallDenial = 'UNAUTHORIZED' | 'FORBIDDEN' | 'BANNED';
export type CallCheck = { ok: true } | { ok: false; code: CallDenial };

const ALLOWED: CallCheck = Object.freeze({ ok: true });
const deny = (code: CallDenial): CallCheck => ({ ok: false, code });

function sessionRoleOf(actor: SignedInActor, resource: ResourceContext): SessionRole | null {
  if (resource.sessionRole) return resource.sessionRole;
  return isOwner(actor, resource) ? 'owner' : null;
}

function isOwner(actor: SignedInActor, resource: ResourceContext): boolean {
  return resource.ownerId === actor.userId || resource.sessionRole === 'owner';
}

const hostSide = (actor: SignedInActor, resource: ResourceContext) =>
  isHostSide(sessionRoleOf(actor, resource), actor.accountRole);

const staff = (actor: SignedInActor, resource: ResourceContext) =>
  isStaff(sessionRoleOf(actor, resource), actor.accountRole);

interface AccountRule {
  allows: (actor: SignedInActor, resource: ResourceContext) => boolean;
  /** Attendee-level: a banned caller is refused with BANNED (the host side is never banned). */
  bannable?: boolean;
}

/** Rules that need a signed-in, enabled account. */
const ACCOUNT_RULES: Record<Exclude<Caller, CredentialCaller>, AccountRule> = {
  any: { allows: () => true },
  attendee: { allows: () => true, bannable: true },
  host: { allows: (actor) => isHostAccount(actor.accountRole) },
  owner: { allows: isOwner },
  owner_or_admin: {
    allows: (actor, resource) => actor.accountRole === 'admin' || isOwner(actor, resource),
  },
  host_side: { allows: hostSide },
  staff: { allows: staff },
  stage_participant: {
    allows: (_actor, resource) => resource.onStage === true,
    bannable: true,
  },
  author_or_staff: {
    allows: (actor, resource) => resource.authorId === actor.userId || staff(actor, resource),
    bannable: true,
  },
  member: { allows: (_actor, resource) => resource.libraryRole != null },
  library_owner: { allows: (_actor, resource) => resource.libraryRole === 'owner' },
  admin: { allows: (actor) => actor.accountRole === 'admin' },
};

/** Rules decided by a credential other than the access token; `public` needs none. */
type CredentialCaller = 'public' | 'token_in_query' | 'livekit_signed';

const CREDENTIAL_RULES: Record<CredentialCaller, (resource: ResourceContext) => boolean> = {
  public: () => true,
  token_in_query: (resource) => resource.queryTokenValid === true,
  livekit_signed: (resource) => resource.signatureValid === true,
};

function isCredentialCaller(caller: Caller): caller is CredentialCaller {
  return Object.hasOwn(CREDENTIAL_RULES, caller);
}

/**
 * May `actor` call an operation whose Caller column is `caller`, on this resource?
 * Anonymous or disabled actors get UNAUTHORIZED on every account rule; banned ones get BANNED on
 * attendee-level rules; other refusals are FORBIDDEN. `public` always allows;
 * `token_in_query` / `livekit_signed` ignore the actor and check their own credential.
 */
export function canCall(caller: Caller, actor: Actor, resource: ResourceContext = {}): CallCheck {
  if (isCredentialCaller(caller)) {
    return CREDENTIAL_RULES[caller](resource) ? ALLOWED : deny('UNAUTHORIZED');
  }
  if (!actor || actor.disabled) return deny('UNAUTHORIZED');
  const rule = ACCOUNT_RULES[caller];
  if (rule.bannable && resource.banned && !hostSide(actor, resource)) return deny('BANNED');
  return rule.allows(actor, resource) ? ALLOWED : deny('FORBIDDEN');
}
