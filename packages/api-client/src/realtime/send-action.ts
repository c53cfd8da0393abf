// Client → server actions with typed acks: the action's result, or a RealtimeActionError with
// the contract's machine code (TIMEOUT when the server does not answer in time).
import type {
  Ack,
  ClientActionInput,
  ClientActionName,
  ClientActionResult,
  ErrorBody,
} from '@vidinfra/domain';
import type { RealtimeSocket } from '../realtime-socket.ts';

export class RealtimeActionError extends Error {
  readonly code: string;
  readonly details: ErrorBody['details'];
  constructor(body: Omit<ErrorBody, 'code'> & { code: string }) {
    super(body.message);
    this.name = 'RealtimeActionError';
    this.code = body.code;
    this.details = body.details;
  }
}

/** The part of a socket that sends actions (a fake one in unit tests). */
export type ActionSocket = Pick<RealtimeSocket, 'timeout'>;

const ACK_TIMEOUT_MS = 10_000;

export async function sendAction<A extends ClientActionName>(
  socket: ActionSocket,
  name: A,
  payload: ClientActionInput<A>,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<ClientActionResult<A>> {
  let reply: Ack<ClientActionResult<A>>;
  try {
    // Each action's emit has the same shape; TypeScript cannot correlate the generic name.
    const timed = socket.timeout(timeoutMs);
    const emit = timed.emitWithAck as (
      event: A,
      body: ClientActionInput<A>,
    ) => Promise<Ack<ClientActionResult<A>>>;
    reply = await emit.call(timed, name, payload);
  } catch {
    throw new RealtimeActionError({ code: 'TIMEOUT', message: 'The server did not answer' });
  }
  if (!reply.ok) throw new RealtimeActionError(reply.error);
  return reply.data;
}
