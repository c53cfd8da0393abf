// Safari's native HLS fetches the playlist and segments itself: no request can be rewritten to
// carry a signed stream's newest token. So when the newest URL carries another token, the source
// is switched to it (a live stream resumes at its live edge; a moment of buffering, where the old
// token would have stopped the stream for good at its expiry).
export const NATIVE_RENEWAL_CHECK_MS = 15_000;

interface NativeVideo {
  src: string;
  play(): Promise<void>;
}

/** Checks every `everyMs` whether `latest(url)` moved on; returns the stop function. */
export function renewNativeSource(
  video: NativeVideo,
  url: string,
  latest: (url: string) => string,
  everyMs = NATIVE_RENEWAL_CHECK_MS,
): () => void {
  let current = url;
  const timer = setInterval(() => {
    const next = latest(url);
    if (next === current) return;
    current = next;
    video.src = next;
    void video.play().catch(() => undefined);
  }, everyMs);
  return () => clearInterval(timer);
}
