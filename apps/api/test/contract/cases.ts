// One case per operation name of the covered sections, and the Library-scoped section's phrases
// read as the rows they name.
import { adminCases } from './cases-admin.ts';
import { authCases } from './cases-auth.ts';
import { engagementCases } from './cases-engagement.ts';
import { recordingCases } from './cases-recordings.ts';
import { roomCases } from './cases-rooms.ts';
import { sessionCases } from './cases-sessions.ts';
import { stageCases } from './cases-stage.ts';
import type { Case } from './model.ts';

/** Sections (title prefixes) whose rows the suite walks. */
export const COVERED_SECTIONS = [
  'Health',
  'Auth',
  'Rooms',
  'Sessions',
  'Reminders',
  'Attendance',
  'Participants',
  'Presets',
  'Polls',
  'Chat',
  'Stage (attendee side)',
  'Stage management (staff side)',
  'Moderation',
  'Recordings',
  'Admin',
  'Supporting operations',
] as const;

/** Rows of covered sections that belong to later work (reported as todo, not silently dropped). */
export const LATER_WORK: Readonly<Record<string, string>> = {};

export const CASES: Readonly<Record<string, Case>> = {
  ...authCases,
  ...roomCases,
  ...sessionCases,
  ...adminCases,
  ...engagementCases,
  ...stageCases,
  ...recordingCases,
};

const ROOM_ROWS = [
  'List all rooms (public)',
  'Create a new room',
  'List my rooms',
  'Get room by ID (public)',
  'Update a room',
  'Delete a room',
];
const PRESET_ROWS = [
  'Create a new preset',
  'List my presets',
  'Get preset by ID',
  'Update a preset',
  'Delete a preset',
  'Set preset as default',
];

/** Each phrase of the Library-scoped section → the rows (operation names) it lists. */
export const LIBRARY_SCOPED_PHRASES: Readonly<Record<string, readonly string[]>> = {
  'rooms (6 rows)': ROOM_ROWS,
  'sessions of a room (list, create)': [
    'List sessions for a room',
    'Create a new session in a room',
  ],
  'presets (6 rows)': PRESET_ROWS,
  'list all / live sessions': [
    'List all sessions (public)',
    'List currently live sessions (public)',
  ],
  'dashboard stats': ['Get dashboard stats'],
  'reminders (3 rows)': [
    'Subscribe to room reminders',
    'Unsubscribe from room reminders',
    'Get my reminder subscription status',
  ],
  'session get': ['Get session by ID (public)'],
  delete: ['Delete a session'],
  join: ['Join a session (get LiveKit token)'],
  studio_url: ['Generate studio URL'],
  share_urls: ['Get shareable URLs for a session'],
  go_live: ['Go live with a session'],
  'egress/ensure': ['Ensure HLS egress is running'],
  start: ['Start a session'],
  webcam_hls: ['Start webcam to HLS streaming'],
  end: ['End a session'],
  reschedule: ['Reschedule a session'],
  monitor_token: ['Get monitor token for a session'],
  health: ['Get stream health info'],
  'host/video': ['Broadcast host video state change'],
  'host/audio': ['Broadcast host audio state change'],
  'attendance (list, stats, export)': [
    'Get full attendance list',
    'Get attendance statistics',
    'Export attendance data',
  ],
  'auth code generation (`POST /libraries/{libraryId}/auth/code`)': [
    'Generate a short-lived auth code',
  ],
};

/** `rooms (6 rows)` → 6; phrases without a count → undefined. */
export const statedRowCount = (phrase: string): number | undefined => {
  const match = /\((\d+) rows\)/.exec(phrase);
  return match ? Number(match[1]) : undefined;
};
