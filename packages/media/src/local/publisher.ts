// The one WebSocket connection streaming into a session.
import type { WebSocket } from 'ws';
import { IngestStream } from './ingest-stream.ts';
import { Liveness, type LivenessLimits, type Silence } from './liveness.ts';

export class Publisher {
  readonly stream = new IngestStream();
  /** True once the header was complete and an ffmpeg run was started for this stream. */
  started = false;
  private closed = false;
  private paused = false;
  private readonly liveness: Liveness;

  constructor(
    readonly ws: WebSocket,
    readonly identity: string,
    limits: LivenessLimits,
    /** The publisher went missing without closing (see liveness.ts). */
    onSilence: (silence: Silence) => void,
  ) {
    this.liveness = new Liveness(ws, limits, onSilence);
  }

  /** Closes from our side (the 'close' event that follows is then ignored by the session). */
  close(code: number, reason: string) {
    if (this.closed) return;
    this.closed = true;
    this.liveness.stop();
    this.ws.resume(); // a paused socket would never read the client's close frame
    this.ws.close(code, reason);
  }

  /** Drops the connection without a close handshake (its peer is unreachable). */
  terminate() {
    if (this.closed) return;
    this.closed = true;
    this.liveness.stop();
    this.ws.terminate();
  }

  /** Backpressure: stop reading the socket while ffmpeg's input is full. */
  pause() {
    if (this.paused || this.closed) return;
    this.paused = true;
    this.liveness.pause();
    this.ws.pause();
  }

  resume() {
    if (!this.paused || this.closed) return;
    this.paused = false;
    this.liveness.resume();
    this.ws.resume();
  }
}
