// Value sets stored in text columns; the wire-level twins live in @vidinfra/domain.
export const ACCOUNT_ROLES = ['admin', 'host', 'viewer'] as const;
export const AUTH_CODE_PURPOSES = ['handoff', 'studio'] as const;
export const LIBRARY_ROLES = ['owner', 'member'] as const;
export const VISIBILITIES = ['public', 'private'] as const;
export const SESSION_STATUSES = ['scheduled', 'backstage', 'live', 'ended'] as const;
export const PARTICIPANT_ROLES = ['cohost', 'moderator'] as const;
export const POLL_STATUSES = ['open', 'closed'] as const;
export const QUEUE_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const STAGE_SOURCES = ['hand_raise', 'join_request', 'direct'] as const;
export const BAN_SCOPES = ['session', 'room'] as const;
export const RECORDING_STATUSES = ['recording', 'processing', 'ready', 'failed'] as const;
export const PLAYBACK_KINDS = ['live', 'recording'] as const;

export type JsonObject = { [key: string]: unknown };
