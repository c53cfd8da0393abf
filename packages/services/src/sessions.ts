// Sessions: reading, planning, the lifecycle and the ways into a session's media.
import type { Deps } from './deps.ts';
import { sessionMediaAccess } from './sessions/access-urls.ts';
import { publisherAdmission } from './sessions/admission.ts';
import { sessionCatalog } from './sessions/catalog.ts';
import { sessionLifecycle } from './sessions/lifecycle.ts';
import { playbackReader } from './sessions/playback.ts';
import { sessionPlanning } from './sessions/planning.ts';
import type { ViewerReportsService } from './viewer-reports.ts';

export const sessionsService = (deps: Deps, viewerReports: ViewerReportsService) => ({
  ...sessionCatalog(deps),
  ...sessionPlanning(deps),
  ...sessionLifecycle(deps),
  ...sessionMediaAccess(deps, viewerReports),
  ...publisherAdmission(deps),
  ...playbackReader(deps),
});

export type SessionsService = ReturnType<typeof sessionsService>;
