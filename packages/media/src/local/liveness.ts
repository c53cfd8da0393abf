// Whether a publisher is still there. A closed socket does not tell everything: a connection
// whose peer vanished (network gone, laptop asleep) may never close, and a client may connect and
// send nothing while it holds the session's one publisher slot. So the publisher is pinged every
// heartbeatMs (no pong by the next ping: gone), must send its first message within
// firstMessageTimeoutMs, and after that a message at least every idleTimeoutMs. While its socket
// is paused for backpressure nothing is read from it, pongs included, so no check runs then.
import type { WebSocket } from 'ws';

export interface LivenessLimits {
  heartbeatMs: number;
  firstMessageTimeoutMs: number;
  idleTimeoutMs: number;
}

/** How a publisher went missing: no pong (unreachable), or nothing sent in time. */
export type Silence = { kind: 'heartbeat' } | { kind: 'timeout'; reason: string };

export class Liveness {
  private answered = true;
  private received = false;
  private paused = false;
  private stopped = false;
  private readonly heartbeat: NodeJS.Timeout;
  private quiet: NodeJS.Timeout | null = null;

  constructor(
    private readonly ws: WebSocket,
    private readonly limits: LivenessLimits,
    private readonly onSilence: (silence: Silence) => void,
  ) {
    ws.on('pong', () => (this.answered = true));
    ws.on('message', () => this.heard());
    ws.once('close', () => this.stop());
    this.heartbeat = setInterval(() => this.beat(), limits.heartbeatMs);
    this.armQuiet();
  }

  pause() {
    this.paused = true;
    this.clearQuiet();
  }

  resume() {
    this.paused = false;
    this.answered = true; // pongs that came while paused are only read now
    this.armQuiet();
  }

  stop() {
    this.stopped = true;
    clearInterval(this.heartbeat);
    this.clearQuiet();
  }

  private heard() {
    if (this.received) return this.quiet?.refresh();
    this.received = true;
    this.armQuiet();
  }

  private beat() {
    if (this.paused || this.stopped) return;
    if (!this.answered) return this.silent({ kind: 'heartbeat' });
    this.answered = false;
    if (this.ws.readyState === this.ws.OPEN) this.ws.ping();
  }

  private armQuiet() {
    this.clearQuiet();
    if (this.paused || this.stopped) return;
    const [ms, reason] = this.received
      ? [this.limits.idleTimeoutMs, 'stream stalled']
      : [this.limits.firstMessageTimeoutMs, 'no media received'];
    this.quiet = setTimeout(() => this.silent({ kind: 'timeout', reason }), ms);
  }

  private clearQuiet() {
    if (this.quiet) clearTimeout(this.quiet);
    this.quiet = null;
  }

  private silent(silence: Silence) {
    if (this.stopped) return;
    this.stop();
    this.onSilence(silence);
  }
}
