// Input bitrate over the last few seconds, from the sizes of the messages received.

export class ByteRate {
  private samples: { at: number; bytes: number }[] = [];

  constructor(private readonly windowMs = 5000) {}

  add(bytes: number, at = Date.now()) {
    this.samples.push({ at, bytes });
    this.prune(at);
  }

  kbps(now = Date.now()): number {
    this.prune(now);
    const bytes = this.samples.reduce((sum, s) => sum + s.bytes, 0);
    return Math.round((bytes * 8) / this.windowMs);
  }

  private prune(now: number) {
    const since = now - this.windowMs;
    while (this.samples[0] && this.samples[0].at < since) this.samples.shift();
  }
}
