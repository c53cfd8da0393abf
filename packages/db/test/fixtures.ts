// Small builders for the rows most tests need.
import type { Database } from '../src/index.ts';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const makeUser = (db: Database, role: 'admin' | 'host' | 'viewer' = 'host') =>
  db.repos.users.create({
    email: `u${unique()}@example.test`,
    displayName: `User ${unique()}`,
    role,
    passwordHash: 'hash',
  });

export const makeRoom = async (
  db: Database,
  ownerId?: string,
  visibility: 'public' | 'private' = 'public',
) =>
  db.repos.rooms.create({
    ownerId: ownerId ?? (await makeUser(db)).id,
    name: `Room ${unique()}`,
    visibility,
  });

export const makeSession = async (db: Database, roomId?: string) =>
  db.repos.sessions.create({
    roomId: roomId ?? (await makeRoom(db)).id,
    title: `Session ${unique()}`,
    scheduledAt: new Date(Date.now() + 3_600_000),
    settings: {},
  });

export const many = <T>(n: number, make: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => make(i)));
