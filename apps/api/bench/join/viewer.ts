// One viewer of the join storm, as a client app does it: register with a new device token, join
// the session (its media token), connect the realtime socket with the access token and subscribe
// to the session's channel. Each step is timed; the first that fails ends the journey.
import { randomBytes } from 'node:crypto';
import { connectRealtime, type RealtimeSocket } from '@vidinfra/api-client';
import { sessionChannel } from '@vidinfra/domain';
import { restClient } from '../seed.ts';

export const STEPS = ['register', 'join', 'connect', 'subscribe'] as const;
export type Step = (typeof STEPS)[number];

export interface Journey {
  /** Milliseconds each completed step took. */
  ms: Partial<Record<Step, number>>;
  failed?: { step: Step; reason: string };
  /** The viewer's socket, kept open until the storm is over. */
  socket?: RealtimeSocket;
  /** Set when the socket dropped after it had connected. */
  dropped?: string;
}

const STEP_TIMEOUT_MS = 15_000;

/** Resolves once the socket is connected; rejects with the gateway's refusal or on time-out. */
const connected = (socket: RealtimeSocket) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no connection in time')), STEP_TIMEOUT_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });

export async function runViewer(baseUrl: string, sessionId: string, n: number): Promise<Journey> {
  const journey: Journey = { ms: {} };
  const client = restClient(baseUrl);
  const timed = async <T>(step: Step, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      const result = await work();
      journey.ms[step] = performance.now() - started;
      return result;
    } catch (error) {
      journey.failed = { step, reason: error instanceof Error ? error.message : String(error) };
      throw error;
    }
  };
  const rest = async (path: string, body: unknown) => {
    const reply = await client.call('POST', path, body);
    if (!reply.ok) throw new Error(`${reply.status} ${JSON.stringify(reply.error)}`);
    return reply.data;
  };
  try {
    const registered = await timed('register', () =>
      rest('/auth/viewer/register', {
        device_token: randomBytes(24).toString('base64url'),
        display_name: `Viewer ${n}`,
      }),
    );
    const accessToken = registered.access_token as string;
    client.signIn(accessToken);
    await timed('join', () => rest(`/sessions/${sessionId}/join`, {}));
    const socket = connectRealtime({ url: baseUrl, accessToken: () => accessToken });
    journey.socket = socket;
    await timed('connect', () => connected(socket));
    socket.on('disconnect', (reason) => (journey.dropped ??= reason));
    await timed('subscribe', async () => {
      const reply = await socket
        .timeout(STEP_TIMEOUT_MS)
        .emitWithAck('subscribe', { channel: sessionChannel(sessionId) });
      if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    });
  } catch {
    // recorded in journey.failed
  }
  return journey;
}
