// The studio's publisher as React state: joins the session for a fresh media token, publishes
// the studio's stream (the compositor's output) at the preset's bitrate to the local ingest or
// the LiveKit room, as join says, and reports its state and statistics; stopped when the studio
// goes away.
import { useApi } from '@vidinfra/ui';
import { publisherFor } from '../publisher-for.ts';
import { type PublishState, type PublishStats, type Publisher } from '../publisher.ts';
import { useCallback, useEffect, useRef, useState } from 'react';

export function usePublishing(sessionId: string, videoBitsPerSecond?: number) {
  const api = useApi();
  const publisher = useRef<Publisher | null>(null);
  const [state, setState] = useState<PublishState | null>(null);
  const [stats, setStats] = useState<PublishStats | null>(null);

  const start = useCallback(
    async (stream: MediaStream, takeover = false) => {
      await publisher.current?.stop();
      const joined = await api.sessions.join.mutate({ id: sessionId });
      const next = publisherFor(joined, {
        sessionId,
        stream,
        videoBitsPerSecond,
        onState: setState,
        onStats: setStats,
      });
      publisher.current = next;
      // The test bench drops this socket to check that the studio reconnects.
      (window as { studioPublisher?: Publisher }).studioPublisher = next;
      next.start(takeover);
    },
    [api, sessionId, videoBitsPerSecond],
  );

  const stop = useCallback(async () => {
    const current = publisher.current;
    publisher.current = null;
    await current?.stop();
  }, []);

  useEffect(() => () => void publisher.current?.stop(), []);

  return { state, stats, start, stop };
}
