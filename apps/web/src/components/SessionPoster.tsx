// A session's picture on its card, 16:9: the live poster (renewed every 10 s while live, with a
// query parameter that defeats the browser cache), the recording's poster once ended, or a
// neutral placeholder when there is none.
import type { SessionResponse } from '@vidinfra/domain';
import { useEffect, useState } from 'react';
import { PosterImage, useSteadyUrl } from './PosterImage.tsx';

/** The media backend renews the live poster about this often. */
const POSTER_REFRESH_MS = 10_000;

const placeholderText = {
  live: 'Live',
  backstage: 'Starting soon',
  scheduled: 'Upcoming',
  ended: 'Ended',
};

function withTick(url: string, tick: number) {
  const fresh = new URL(url, window.location.href);
  fresh.searchParams.set('t', String(tick));
  return fresh.toString();
}

function LivePoster({ session, url }: { session: SessionResponse; url: string }) {
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setTick(Date.now()), POSTER_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [url]);
  return (
    <PosterImage
      src={withTick(url, tick)}
      alt={`Live picture of ${session.title}`}
      placeholder={placeholderText.live}
    />
  );
}

export function SessionPoster({ session }: { session: SessionResponse }) {
  const poster = session.poster_url ?? null;
  const recordingPoster = useSteadyUrl(session.status === 'ended' ? poster : null);
  if (session.status === 'live' && poster) return <LivePoster session={session} url={poster} />;
  return (
    <PosterImage
      src={recordingPoster}
      alt={`Recording of ${session.title}`}
      placeholder={placeholderText[session.status]}
    />
  );
}
