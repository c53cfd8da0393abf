// Media-room credentials handed to clients (LiveKit access tokens or the local backend's).
import { z } from 'zod';
import { ExpiresIn, Token, Url } from './fields.ts';

/** Which media backend serves a session: `local` (the ingest WebSocket) or `livekit`. */
export const MediaBackendKind = z.enum(['local', 'livekit']);
export type MediaBackendKind = z.infer<typeof MediaBackendKind>;

/** `{token, ws_url, room}`: a signed media token, the server to connect to, the room name. */
export const mediaTokenFields = {
  token: Token,
  ws_url: Url,
  room: z.string().min(1),
};

/** Subscribe-only media token for staff monitoring a session. */
export const MonitorTokenResponse = z
  .object({ ...mediaTokenFields, expires_in: ExpiresIn })
  .meta({ id: 'MonitorTokenResponse' });
export type MonitorTokenResponse = z.infer<typeof MonitorTokenResponse>;
