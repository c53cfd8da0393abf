// The Postgres schema. Its twin is ./sqlite.ts: same exported names, same row types
// (proved by ../schema-parity.test.ts). Change both together, then `npm run db:generate`.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { newId } from '../ids.ts';
import {
  ACCOUNT_ROLES,
  AUTH_CODE_PURPOSES,
  BAN_SCOPES,
  LIBRARY_ROLES,
  PLAYBACK_KINDS,
  QUEUE_STATUSES,
  RECORDING_STATUSES,
  PARTICIPANT_ROLES,
  SESSION_STATUSES,
  STAGE_SOURCES,
  VISIBILITIES,
  POLL_STATUSES,
  type JsonObject,
} from './enums.ts';

const id = () => uuid('id').primaryKey().$defaultFn(newId);
const ref = (name: string) => uuid(name);
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () =>
  at('created_at')
    .notNull()
    .$defaultFn(() => new Date());
const flag = (name: string) => boolean(name).notNull().default(false);
const json = <T>(name: string) => jsonb(name).$type<T>();

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email'),
    passwordHash: text('password_hash'),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ACCOUNT_ROLES }).notNull(),
    disabled: flag('disabled'),
    createdAt: createdAt(),
    updatedAt: at('updated_at'),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

export const deviceTokens = pgTable('device_tokens', {
  id: id(),
  tokenHash: text('token_hash').notNull().unique('device_tokens_token_hash_unique'),
  userId: ref('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  lastUsedAt: at('last_used_at'),
});

export const refreshTokenFamilies = pgTable('refresh_token_families', {
  id: id(),
  userId: ref('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  revokedAt: at('revoked_at'),
  revokedReason: text('revoked_reason'),
});

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: id(),
    familyId: ref('family_id')
      .notNull()
      .references(() => refreshTokenFamilies.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique('refresh_tokens_token_hash_unique'),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('refresh_tokens_family_idx').on(t.familyId)],
);

export const authCodes = pgTable('auth_codes', {
  id: id(),
  codeHash: text('code_hash').notNull().unique('auth_codes_code_hash_unique'),
  userId: ref('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  purpose: text('purpose', { enum: AUTH_CODE_PURPOSES }).notNull(),
  sessionId: ref('session_id'),
  libraryId: ref('library_id'),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
  createdAt: createdAt(),
});

export const libraries = pgTable('libraries', {
  id: id(),
  name: text('name').notNull(),
  ownerId: ref('owner_id')
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

export const libraryMembers = pgTable(
  'library_members',
  {
    libraryId: ref('library_id')
      .notNull()
      .references(() => libraries.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: LIBRARY_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.libraryId, t.userId] })],
);

export const presets = pgTable(
  'presets',
  {
    id: id(),
    ownerId: ref('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    libraryId: ref('library_id').references(() => libraries.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    isDefault: flag('is_default'),
    output: json<JsonObject>('output').notNull(),
    layout: text('layout').notNull(),
    defaultSettings: json<JsonObject>('default_settings').notNull(),
    createdAt: createdAt(),
    updatedAt: at('updated_at'),
  },
  (t) => [
    uniqueIndex('presets_one_default_per_owner')
      .on(t.ownerId)
      .where(sql`${t.isDefault}`),
  ],
);

export const rooms = pgTable(
  'rooms',
  {
    id: id(),
    ownerId: ref('owner_id')
      .notNull()
      .references(() => users.id),
    libraryId: ref('library_id').references(() => libraries.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull(),
    createdAt: createdAt(),
    updatedAt: at('updated_at'),
  },
  (t) => [index('rooms_owner_idx').on(t.ownerId), index('rooms_library_idx').on(t.libraryId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    roomId: ref('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    status: text('status', { enum: SESSION_STATUSES }).notNull().default('scheduled'),
    scheduledAt: at('scheduled_at').notNull(),
    startedAt: at('started_at'),
    liveAt: at('live_at'),
    endedAt: at('ended_at'),
    presetId: ref('preset_id').references(() => presets.id, { onDelete: 'set null' }),
    settings: json<JsonObject>('settings').notNull(),
    /** The host turned their camera / microphone off (told viewers: host/video, host/audio). */
    hostVideoOff: flag('host_video_off'),
    hostAudioOff: flag('host_audio_off'),
    /** Who last switched one: when they leave the session, both are on again. */
    hostMediaBy: ref('host_media_by'),
    createdAt: createdAt(),
    updatedAt: at('updated_at'),
  },
  (t) => [
    index('sessions_room_idx').on(t.roomId),
    index('sessions_status_scheduled_idx').on(t.status, t.scheduledAt),
  ],
);

export const sessionParticipants = pgTable(
  'session_participants',
  {
    sessionId: ref('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: PARTICIPANT_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);

export const reminders = pgTable(
  'reminders',
  {
    roomId: ref('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.userId] })],
);

export const attendanceIntervals = pgTable(
  'attendance_intervals',
  {
    id: id(),
    sessionId: ref('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: at('joined_at').notNull(),
    leftAt: at('left_at'),
    /** The realtime node whose viewer this is (null: opened by the media webhook). */
    nodeId: text('node_id'),
  },
  (t) => [
    uniqueIndex('attendance_one_open_interval')
      .on(t.sessionId, t.userId)
      .where(sql`${t.leftAt} is null`),
    index('attendance_session_idx').on(t.sessionId, t.joinedAt),
    index('attendance_open_by_node_idx')
      .on(t.nodeId)
      .where(sql`${t.leftAt} is null`),
  ],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: id(),
    sessionId: ref('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    createdAt: createdAt(),
    deletedAt: at('deleted_at'),
    deletedBy: ref('deleted_by'),
  },
  (t) => [index('chat_session_order_idx').on(t.sessionId, t.createdAt, t.id)],
);

export const polls = pgTable(
  'polls',
  {
    id: id(),
    sessionId: ref('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    question: text('question').notNull(),
    multipleChoice: flag('multiple_choice'),
    status: text('status', { enum: POLL_STATUSES }).notNull().default('open'),
    createdBy: ref('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    closedAt: at('closed_at'),
  },
  (t) => [index('polls_session_idx').on(t.sessionId)],
);

export const pollOptions = pgTable(
  'poll_options',
  {
    id: id(),
    pollId: ref('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('poll_options_position_unique').on(t.pollId, t.position)],
);

export const pollBallots = pgTable(
  'poll_ballots',
  {
    id: id(),
    pollId: ref('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('poll_ballots_one_per_user').on(t.pollId, t.userId)],
);

export const pollVotes = pgTable(
  'poll_votes',
  {
    ballotId: ref('ballot_id')
      .notNull()
      .references(() => pollBallots.id, { onDelete: 'cascade' }),
    optionId: ref('option_id')
      .notNull()
      .references(() => pollOptions.id, { onDelete: 'cascade' }),
    pollId: ref('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.ballotId, t.optionId] }),
    index('poll_votes_poll_idx').on(t.pollId),
  ],
);

export const handRaises = pgTable(
  'hand_raises',
  {
    id: id(),
    sessionId: ref('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message'),
    status: text('status', { enum: QUEUE_STATUSES }).notNull().default('pending'),
    createdAt: createdAt(),
    resolvedAt: at('resolved_at'),
    resolvedBy: ref('resolved_by'),
  },
  (t) => [
    uniqueIndex('hand_raises_one_pending')
      .on(t.sessionId, t.userId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export const joinRequests = pgTable(
  'join_requests',
  {
    id: id(),
    sessionId: ref('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message'),
    status: text('status', { enum: QUEUE_STATUSES }).notNull().default('pending'),
    createdAt: createdAt(),
    resolvedAt: at('resolved_at'),
    resolvedBy: ref('resolved_by'),
  },
  (t) => [
    uniqueIndex('join_requests_one_pending')
      .on(t.sessionId, t.userId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export const stageParticipants = pgTable(
  'stage_participants',
  {
    sessionId: ref('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    canPublishAudio: flag('can_publish_audio'),
    canPublishVideo: flag('can_publish_video'),
    canPublishScreen: flag('can_publish_screen'),
    source: text('source', { enum: STAGE_SOURCES }).notNull(),
    addedBy: ref('added_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);

export const bans = pgTable(
  'bans',
  {
    id: id(),
    roomId: ref('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    sessionId: ref('session_id').references(() => sessions.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scope: text('scope', { enum: BAN_SCOPES }).notNull(),
    reason: text('reason'),
    expiresAt: at('expires_at'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    liftedAt: at('lifted_at'),
  },
  (t) => [index('bans_user_idx').on(t.userId, t.roomId)],
);

export const recordings = pgTable(
  'recordings',
  {
    id: id(),
    sessionId: ref('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    ownerId: ref('owner_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    status: text('status', { enum: RECORDING_STATUSES }).notNull().default('recording'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('private'),
    defaultPlayback: flag('default_playback'),
    filePath: text('file_path'),
    /** A JPEG frame of the finished file, next to it (null: none was made).*/
    posterPath: text('poster_path'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    durationSeconds: integer('duration_seconds'),
    error: text('error'),
    externalId: text('external_id'),
    startedAt: at('started_at').notNull(),
    stoppedAt: at('stopped_at'),
    readyAt: at('ready_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at'),
  },
  (t) => [
    uniqueIndex('recordings_one_active_per_session')
      .on(t.sessionId)
      .where(sql`${t.status} = 'recording'`),
    index('recordings_owner_idx').on(t.ownerId),
  ],
);

export const playbacks = pgTable(
  'playbacks',
  {
    id: id(),
    sessionId: ref('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    recordingId: ref('recording_id').references(() => recordings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: PLAYBACK_KINDS }).notNull(),
    signed: flag('signed'),
    allowedDomains: json<string[]>('allowed_domains').notNull(),
    isDefault: flag('is_default'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('playbacks_session_idx').on(t.sessionId),
    uniqueIndex('playbacks_one_default_per_session')
      .on(t.sessionId)
      .where(sql`${t.isDefault}`),
  ],
);

export const processedWebhookEvents = pgTable('processed_webhook_events', {
  id: text('id').primaryKey(),
  source: text('source').notNull(),
  receivedAt: at('received_at')
    .notNull()
    .$defaultFn(() => new Date()),
});

/** Realtime gateway nodes and their last heartbeat: a node that stops beating has crashed. */
export const realtimeNodes = pgTable('realtime_nodes', {
  id: text('id').primaryKey(),
  heartbeatAt: at('heartbeat_at').notNull(),
});

export const outboxStreams = pgTable('outbox_streams', {
  stream: text('stream').primaryKey(),
  lastSeq: integer('last_seq').notNull(),
});

export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stream: text('stream').notNull(),
    seq: integer('seq').notNull(),
    event: text('event').notNull(),
    payload: json<JsonObject>('payload').notNull(),
    createdAt: createdAt(),
    deliveredAt: at('delivered_at'),
  },
  (t) => [
    uniqueIndex('outbox_stream_seq_unique').on(t.stream, t.seq),
    index('outbox_undelivered_idx').on(t.deliveredAt, t.id),
  ],
);
