// "Starts in 1 h 05 min", ticking every second, until the time has come.
import { Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useState } from 'react';
import { formatCountdown, formatDateTime } from './when.ts';

export function Countdown({ to }: { to: string }) {
  const [now, setNow] = useState(() => Date.now());
  useInterval(() => setNow(Date.now()), 1000, { autoInvoke: true });
  const left = new Date(to).getTime() - now;
  return (
    <Text size="lg" role="timer" aria-live="off">
      {left > 0
        ? `Starts in ${formatCountdown(left)} (${formatDateTime(to)})`
        : 'Starting any moment now'}
    </Text>
  );
}
