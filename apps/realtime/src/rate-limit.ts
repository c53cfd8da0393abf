// A token bucket per socket: `perSecond` events on average, bursts up to `burst`. A socket that
// keeps sending far past its budget is flooding and gets disconnected.
export function socketRateLimiter({ perSecond, burst }: { perSecond: number; burst: number }) {
  let tokens = burst;
  let last = Date.now();
  let refused = 0;
  const allow = () => {
    const now = Date.now();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      refused = 0;
      return true;
    }
    refused += 1;
    return false;
  };
  /** Refused this many times in a row: not a burst, a flood. */
  allow.flooding = () => refused > burst;
  return allow;
}
