import type { Executor } from '../executor.ts';
import { attendanceRepository } from './attendance.ts';
import { bansRepository } from './bans.ts';
import { chatRepository } from './chat.ts';
import {
  authCodesRepository,
  deviceTokensRepository,
  refreshTokensRepository,
} from './credentials.ts';
import { guard } from './guard.ts';
import { librariesRepository } from './libraries.ts';
import { remindersRepository, sessionParticipantsRepository } from './participants.ts';
import { pollsRepository } from './polls.ts';
import { presetsRepository } from './presets.ts';
import { playbacksRepository, recordingsRepository } from './recordings.ts';
import { roomsRepository } from './rooms.ts';
import { sessionsRepository } from './sessions.ts';
import { handRaisesRepository, joinRequestsRepository, stageRepository } from './stage.ts';
import { outboxRepository, realtimeNodesRepository, webhookEventsRepository } from './system.ts';
import { usersRepository } from './users.ts';

const factories = {
  users: usersRepository,
  deviceTokens: deviceTokensRepository,
  refreshTokens: refreshTokensRepository,
  authCodes: authCodesRepository,
  libraries: librariesRepository,
  rooms: roomsRepository,
  sessions: sessionsRepository,
  presets: presetsRepository,
  sessionParticipants: sessionParticipantsRepository,
  reminders: remindersRepository,
  attendance: attendanceRepository,
  chat: chatRepository,
  polls: pollsRepository,
  handRaises: handRaisesRepository,
  joinRequests: joinRequestsRepository,
  stage: stageRepository,
  bans: bansRepository,
  recordings: recordingsRepository,
  playbacks: playbacksRepository,
  webhookEvents: webhookEventsRepository,
  outbox: outboxRepository,
  realtimeNodes: realtimeNodesRepository,
};

export type Repositories = { [K in keyof typeof factories]: ReturnType<(typeof factories)[K]> };

/**
 * The repositories over an executor, each built when first used: a Postgres transaction has an
 * executor of its own and uses only a few of them.
 */
export const createRepositories = (x: Executor): Repositories => {
  const repos = {} as Repositories;
  for (const [name, factory] of Object.entries(factories))
    Object.defineProperty(repos, name, {
      enumerable: true,
      configurable: true,
      get() {
        const repo = guard(factory(x));
        Object.defineProperty(repos, name, { value: repo, enumerable: true });
        return repo;
      },
    });
  return repos;
};
