// The dashboard's query keys: everything under one root, so a change refetches what shows it.
export const DASHBOARD = ['dashboard'] as const;

export const keys = {
  stats: [...DASHBOARD, 'stats'] as const,
  rooms: [...DASHBOARD, 'rooms'] as const,
  room: (id: string) => [...DASHBOARD, 'room', id] as const,
  roomSessions: (id: string) => [...DASHBOARD, 'room', id, 'sessions'] as const,
  session: (id: string) => [...DASHBOARD, 'session', id] as const,
  sessionPart: (id: string, part: string) => [...DASHBOARD, 'session', id, part] as const,
  recordings: [...DASHBOARD, 'recordings'] as const,
  presets: [...DASHBOARD, 'presets'] as const,
  libraries: [...DASHBOARD, 'libraries'] as const,
};
