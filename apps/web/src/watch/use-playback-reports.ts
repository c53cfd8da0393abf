// The player reports its playback quality every 10 s (`playback:report`) over the page's realtime
// connection, while it plays live and the connection follows the session: how far behind live
// it is (now − the playhead's clock), its stalls and the bitrate. The host sees them in the
// session's stream health. A report that fails (reconnecting, not yet subscribed) is dropped.
import {
  createPlaybackReportAccumulator,
  sendAction,
  type RealtimeConnection,
} from '@vidinfra/api-client';
import type { PlaybackProbe, PlayheadClock } from '@vidinfra/ui';
import { useEffect } from 'react';

export const REPORT_EVERY_MS = 10_000;

export function usePlaybackReports(options: {
  sessionId: string;
  connection: RealtimeConnection;
  connected: boolean;
  clock: PlayheadClock;
  probe: PlaybackProbe | null;
}) {
  const { sessionId, connection, connected, clock, probe } = options;
  useEffect(() => {
    if (!probe || !connected) return;
    const accumulator = createPlaybackReportAccumulator(Date.now());
    const stopStalls = probe.onStall((stalled) =>
      stalled ? accumulator.stallStarted(Date.now()) : accumulator.stallEnded(Date.now()),
    );
    const timer = setInterval(() => {
      const now = Date.now();
      const playhead = clock();
      const sample = accumulator.take(
        now,
        playhead === null ? 0 : now - playhead,
        probe.bitrateBps() ?? 0,
      );
      // Only a player playing live, whose latency is known, says anything about the stream.
      if (!sample || playhead === null || !probe.playing()) return;
      void sendAction(connection.socket, 'playback:report', {
        session_id: sessionId,
        ...sample,
      }).catch(() => undefined);
    }, REPORT_EVERY_MS);
    return () => {
      clearInterval(timer);
      stopStalls();
    };
  }, [sessionId, connection, connected, clock, probe]);
}
