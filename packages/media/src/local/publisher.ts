// The one WebSocket connection streaming into a session.
import type { WebSocket } from 'ws';
import { IngestStream } from './ingest-stream.ts';

export class Publisher {
  readonly stream = new IngestStream();
  /** True once the header was complete and an ffmpeg run was started for this stream. */
  started = false;
  private closed = false;
  private paused = false;

  constructor(
    readonly ws: WebSocket,
    readonly identity: string,
  ) {}

  /** Closes from our side (the 'close' event that follows is then ignored by the session). */
  close(code: number, reason: string) {
    if (this.closed) return;
    this.closed = true;
    this.ws.resume(); // a paused socket would never read the client's close frame
    this.ws.close(code, reason);
  }

  /** Backpressure: stop reading the socket while ffmpeg's input is full. */
  pause() {
    if (this.paused || this.closed) return;
    this.paused = true;
    this.ws.pause();
  }

  resume() {
    if (!this.paused || this.closed) return;
    this.paused = false;
    this.ws.resume();
  }
}
