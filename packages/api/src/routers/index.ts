import { libraryProcedures, procedures } from '../operation.ts';
import { router } from '../trpc.ts';
import { adminOps } from './admin.ts';
import { attendanceOps } from './attendance.ts';
import { chatOps } from './chat.ts';
import { moderationOps } from './moderation.ts';
import { pollsOps } from './polls.ts';
import { stageOps } from './stage.ts';
import { authOps } from './auth.ts';
import { healthOps } from './health.ts';
import { librariesOps } from './libraries.ts';
import { participantsOps } from './participants.ts';
import { presetsOps } from './presets.ts';
import { recordingsOps } from './recordings.ts';
import { remindersOps } from './reminders.ts';
import { roomOps } from './rooms.ts';
import { sessionsOps } from './sessions.ts';

export const appRouter = router({
  health: router(procedures(healthOps)),
  auth: router(procedures(authOps)),
  rooms: router(procedures(roomOps)),
  sessions: router(procedures(sessionsOps)),
  participants: router(procedures(participantsOps)),
  presets: router(procedures(presetsOps)),
  reminders: router(procedures(remindersOps)),
  libraries: router(procedures(librariesOps)),
  admin: router(procedures(adminOps)),
  chat: router(procedures(chatOps)),
  polls: router(procedures(pollsOps)),
  stage: router(procedures(stageOps)),
  moderation: router(procedures(moderationOps)),
  attendance: router(procedures(attendanceOps)),
  recordings: router(procedures(recordingsOps)),
  /** The library-scoped twins: the same operations under /libraries/{library_id}. */
  library: router({
    auth: router(libraryProcedures({ generateCode: authOps.generateCode })),
    rooms: router(libraryProcedures(roomOps)),
    sessions: router(libraryProcedures(sessionsOps)),
    presets: router(libraryProcedures(presetsOps)),
    reminders: router(libraryProcedures(remindersOps)),
    attendance: router(libraryProcedures(attendanceOps)),
  }),
});

export type AppRouter = typeof appRouter;
