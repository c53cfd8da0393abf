// "Live for 12:34" (h:mm:ss past an hour), ticking every second from the session's live_at.
import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';

const two = (n: number) => String(n).padStart(2, '0');

/** 754 s → "12:34", 3754 s → "1:02:34". */
export function formatElapsed(ms: number) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

export function LiveFor({ since }: { since: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <Text size="sm" c="dimmed" role="timer" aria-live="off" style={{ whiteSpace: 'nowrap' }}>
      Live for {formatElapsed(now - new Date(since).getTime())}
    </Text>
  );
}
