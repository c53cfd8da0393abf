// A private session's live stream, for a signed-in attendee: the session's default playback
// (`sessions.playback`), whose URL carries a restriction token. It is asked for again at 80 %
// of the token's life; the player keeps the first URL (no restart) and each media request
// carries the newest token instead.
import { useQuery } from '@tanstack/react-query';
import { playbackRefreshDelay, tokenOf, withLatestToken } from '@vidinfra/api-client';
import { useCallback, useRef, useState } from 'react';
import { api } from '../api.ts';

export function useSignedPlayback(sessionId: string, enabled: boolean) {
  const playback = useQuery({
    queryKey: ['sessions', 'playback', sessionId],
    queryFn: () => api.sessions.playback.query({ id: sessionId }),
    enabled,
    retry: false,
    refetchOnWindowFocus: false,
    refetchInterval: (query) =>
      query.state.data ? playbackRefreshDelay(query.state.data, query.state.dataUpdatedAt) : false,
    // A hidden tab still plays: its token must stay fresh.
    refetchIntervalInBackground: true,
  });
  const url = playback.data?.url ?? null;
  /** The URL the player started with: it never changes, so the player never restarts. */
  const [firstUrl, setFirstUrl] = useState<string | null>(null);
  if (url && firstUrl === null) setFirstUrl(url);
  const latestToken = useRef<string | null>(null);
  latestToken.current = url ? tokenOf(url) : null;
  const requestUrl = useCallback(
    (request: string) =>
      latestToken.current ? withLatestToken(request, latestToken.current) : request,
    [],
  );
  return { url: firstUrl ?? url, requestUrl, error: playback.error, pending: playback.isPending };
}
