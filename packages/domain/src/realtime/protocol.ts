// The Socket.IO protocol as types: `new Server<ClientToServerEvents, ServerToClientEvents>()` on
// the gateway and `Socket<ServerToClientEvents, ClientToServerEvents>` on a client, so a wrong
// event name or payload fails to compile on either side.
import {
  CLIENT_ACTIONS,
  type Ack,
  type ClientActionInput,
  type ClientActionName,
  type ClientActionResult,
} from './actions.ts';
import { SERVER_MESSAGES, type ServerMessage, type ServerMessageName } from './messages.ts';

/** What the gateway emits; each listener gets the message's payload. */
export type ServerToClientEvents = {
  [M in ServerMessageName]: (message: ServerMessage<M>) => void;
};

/** What a client emits: the action's payload, and a callback for the server's ack. */
export type ClientToServerEvents = {
  [A in ClientActionName]: (
    payload: ClientActionInput<A>,
    ack: (reply: Ack<ClientActionResult<A>>) => void,
  ) => void;
};

/** Every Socket.IO event name of the protocol, both directions. */
export const REALTIME_MESSAGE_NAMES = [
  ...(Object.keys(SERVER_MESSAGES) as ServerMessageName[]),
  ...(Object.keys(CLIENT_ACTIONS) as ClientActionName[]),
] as const;
