// Publishing to the local ingest: MediaRecorder slices (250 ms) of the studio's stream sent in
// order over the ingest WebSocket. A network drop reconnects with backoff while the ingest keeps
// the stream (its grace period): each connection starts a fresh recording (a WebM of its own), and
// the ingest continues the same playlist. Every other close ends publishing with its reason.
import { backoffDelay, RECONNECT_GRACE_MS, withinGrace } from './backoff.ts';
import { closeVerdict } from './close-codes.ts';

export type PublishState =
  | { status: 'connecting' }
  | { status: 'publishing' }
  | { status: 'reconnecting'; message: string }
  | { status: 'takeover'; message: string }
  | { status: 'stopped'; message: string }
  | { status: 'failed'; message: string };

export interface PublishStats {
  /** What left the browser in the last second, in kbit/s. */
  bitrateKbps: number;
  /** Bytes handed to the socket and not yet sent (ws.bufferedAmount). */
  queuedBytes: number;
  /** Connections lost and made again. */
  reconnects: number;
}

export interface PublisherOptions {
  stream: MediaStream;
  /** The ingest URL with its token: `${ws_url}/sessions/${id}?token=…`. */
  ingestUrl: string;
  mimeType: string;
  videoBitsPerSecond?: number;
  /** A key frame every segment: the ingest cuts segments on them. */
  keyFrameIntervalMs?: number;
  onState(state: PublishState): void;
  onStats?(stats: PublishStats): void;
  graceMs?: number;
}

export interface Publisher {
  /** Connects; `takeover` replaces another studio that publishes the session. */
  start(takeover?: boolean): void;
  /** Stops on purpose: the last slice is sent, then the socket closes with 1000. */
  stop(): Promise<void>;
  /** The socket of the moment (tests drop it to check reconnecting). */
  socket(): WebSocket | null;
}

const SLICE_MS = 250;

export function createPublisher(options: PublisherOptions): Publisher {
  const graceMs = options.graceMs ?? RECONNECT_GRACE_MS;
  let ws: WebSocket | null = null;
  let recorder: MediaRecorder | null = null;
  let sending = Promise.resolve();
  let stopping = false;
  let droppedAt: number | null = null;
  let attempt = 0;
  let reconnects = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let handed = 0;
  let lastUploaded = 0;
  let statsTimer: ReturnType<typeof setInterval> | null = null;

  const report = () => {
    const queuedBytes = ws?.bufferedAmount ?? 0;
    const uploaded = handed - queuedBytes;
    options.onStats?.({
      bitrateKbps: Math.max(0, Math.round(((uploaded - lastUploaded) * 8) / 1000)),
      queuedBytes,
      reconnects,
    });
    lastUploaded = uploaded;
  };

  const stopRecorder = () => {
    if (recorder && recorder.state !== 'inactive') recorder.stop();
    recorder = null;
  };

  const record = (socket: WebSocket) => {
    const next = new MediaRecorder(options.stream, {
      mimeType: options.mimeType,
      videoBitsPerSecond: options.videoBitsPerSecond ?? 2_500_000,
      ...({ videoKeyFrameIntervalDuration: options.keyFrameIntervalMs ?? 1000 } as object),
    });
    next.ondataavailable = (event) => {
      sending = sending.then(async () => {
        if (!event.data.size || socket.readyState !== WebSocket.OPEN) return;
        const bytes = await event.data.arrayBuffer();
        socket.send(bytes);
        handed += bytes.byteLength;
      });
    };
    next.start(SLICE_MS);
    recorder = next;
  };

  const connect = (takeover: boolean, retry = false) => {
    retryTimer = null;
    const socket = new WebSocket(options.ingestUrl + (takeover ? '&takeover=1' : ''));
    socket.binaryType = 'arraybuffer';
    ws = socket;
    handed = 0;
    lastUploaded = 0;
    socket.onopen = () => {
      if (retry) reconnects++;
      droppedAt = null;
      attempt = 0;
      record(socket);
      options.onState({ status: 'publishing' });
    };
    socket.onclose = (event) => {
      if (ws !== socket) return;
      stopRecorder();
      ws = null;
      if (stopping) return;
      const verdict = closeVerdict(event.code, event.reason);
      if (verdict.kind === 'reconnect') {
        const now = Date.now();
        droppedAt ??= now;
        const delay = backoffDelay(attempt++);
        if (withinGrace(droppedAt, now, delay, graceMs)) {
          options.onState({ status: 'reconnecting', message: verdict.message });
          // Our own stream may still look connected to the ingest: take its place.
          retryTimer = setTimeout(() => connect(true, true), delay);
          return;
        }
        finish({ status: 'failed', message: 'The connection to the media server was lost.' });
        return;
      }
      if (verdict.kind === 'takeover') finish({ status: 'takeover', message: verdict.message });
      else if (verdict.kind === 'ended') finish({ status: 'stopped', message: verdict.message });
      else finish({ status: 'failed', message: verdict.message });
    };
  };

  const finish = (state: PublishState) => {
    if (statsTimer) clearInterval(statsTimer);
    statsTimer = null;
    options.onState(state);
  };

  return {
    start(takeover = false) {
      stopping = false;
      droppedAt = null;
      attempt = 0;
      options.onState({ status: 'connecting' });
      statsTimer ??= setInterval(report, 1000);
      connect(takeover);
    },
    async stop() {
      stopping = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (statsTimer) clearInterval(statsTimer);
      statsTimer = null;
      const socket = ws;
      const active = recorder;
      if (active && active.state !== 'inactive') {
        await new Promise<void>((resolve) => {
          active.onstop = () => resolve();
          active.stop();
        });
      }
      recorder = null;
      await sending;
      socket?.close(1000);
      ws = null;
      options.onState({ status: 'stopped', message: 'Publishing stopped.' });
    },
    socket: () => ws,
  };
}
