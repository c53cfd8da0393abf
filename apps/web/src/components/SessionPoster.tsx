// A session's picture on its card, 16:9: the live poster (renewed every 10 s while live, with a
// query parameter that defeats the browser cache), or a neutral placeholder when there is none.
import { AspectRatio, Center, Text } from '@mantine/core';
import type { SessionResponse } from '@vidinfra/domain';
import { useEffect, useState } from 'react';
import classes from './SessionPoster.module.css';

/** The media backend renews the poster about this often. */
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

export function SessionPoster({ session }: { session: SessionResponse }) {
  const poster = session.status === 'live' ? (session.poster_url ?? null) : null;
  const [tick, setTick] = useState(() => Date.now());
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (!poster) return;
    const timer = window.setInterval(() => setTick(Date.now()), POSTER_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [poster]);
  const shown = poster && failed !== poster ? poster : null;
  return (
    <AspectRatio ratio={16 / 9} className={classes.frame}>
      {shown ? (
        <img
          src={withTick(shown, tick)}
          alt={`Live picture of ${session.title}`}
          loading="lazy"
          className={classes.image}
          onError={() => setFailed(shown)}
        />
      ) : (
        <Center aria-hidden="true" className={classes.placeholder}>
          <Text size="sm" c="dimmed" fw={500}>
            {placeholderText[session.status]}
          </Text>
        </Center>
      )}
    </AspectRatio>
  );
}
