// Row types, the same on both dialects (../schema-parity.test.ts holds them to it).
import type { Tables } from './executor.ts';

type Row<K extends keyof Tables> = Tables[K] extends { $inferSelect: infer R } ? R : never;
type NewRow<K extends keyof Tables> = Tables[K] extends { $inferInsert: infer R } ? R : never;

export type User = Row<'users'>;
export type NewUser = NewRow<'users'>;
export type DeviceToken = Row<'deviceTokens'>;
export type RefreshTokenFamily = Row<'refreshTokenFamilies'>;
export type RefreshToken = Row<'refreshTokens'>;
export type AuthCode = Row<'authCodes'>;
export type NewAuthCode = NewRow<'authCodes'>;
export type Library = Row<'libraries'>;
export type LibraryMember = Row<'libraryMembers'>;
export type Room = Row<'rooms'>;
export type NewRoom = NewRow<'rooms'>;
export type Session = Row<'sessions'>;
export type NewSession = NewRow<'sessions'>;
export type Preset = Row<'presets'>;
export type NewPreset = NewRow<'presets'>;
export type SessionParticipant = Row<'sessionParticipants'>;
export type Reminder = Row<'reminders'>;
export type AttendanceInterval = Row<'attendanceIntervals'>;
export type ChatMessage = Row<'chatMessages'>;
export type Poll = Row<'polls'>;
export type PollOption = Row<'pollOptions'>;
export type HandRaise = Row<'handRaises'>;
export type JoinRequest = Row<'joinRequests'>;
export type StageParticipant = Row<'stageParticipants'>;
export type NewStageParticipant = NewRow<'stageParticipants'>;
export type Ban = Row<'bans'>;
export type NewBan = NewRow<'bans'>;
export type Recording = Row<'recordings'>;
export type NewRecording = NewRow<'recordings'>;
export type Playback = Row<'playbacks'>;
export type NewPlayback = NewRow<'playbacks'>;
export type OutboxEvent = Row<'outboxEvents'>;
export type RealtimeNode = Row<'realtimeNodes'>;
