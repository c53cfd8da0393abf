// The gateway's Socket.IO types: the domain's event maps, and what a socket carries.
import type { ClientToServerEvents, ServerToClientEvents } from '@vidinfra/domain';
import type { Actor } from '@vidinfra/services';
import type { Server, Socket } from 'socket.io';

export interface SocketData {
  actor: Actor | null;
  /** Session channels this socket follows as a signed-in attendee (presence). */
  attending: Set<string>;
}

/** Nodes send each other nothing of their own: the adapter carries the broadcasts. */
type InterServerEvents = Record<string, never>;

export type GatewayServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type GatewaySocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
