// The live stream's health, refreshed every 10 s while the session is live: the output's state,
// bitrate, frame rate, encoder speed, the newest segment's age, the viewers and what their
// players report (latency behind live, rebuffering).
import { Badge, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { OutputState } from '@vidinfra/domain';
import { ErrorAlert, formatDateTime, Loading, viewerHealthStats } from '@vidinfra/ui';
import { api } from '../api.ts';
import { keys } from './query-keys.ts';
import { StatGrid } from './StatGrid.tsx';

const OUTPUT: Record<OutputState, { label: string; color: string }> = {
  idle: { label: 'Idle', color: 'gray' },
  starting: { label: 'Starting', color: 'yellow' },
  running: { label: 'Running', color: 'green' },
  reconnecting: { label: 'Reconnecting', color: 'orange' },
  stopped: { label: 'Stopped', color: 'gray' },
  failed: { label: 'Failed', color: 'red' },
};

const figure = (value: number | undefined, unit: string, digits = 0) =>
  value === undefined ? '—' : `${value.toFixed(digits)}${unit}`;

export function HealthPanel({ sessionId }: { sessionId: string }) {
  const health = useQuery({
    queryKey: keys.sessionPart(sessionId, 'health'),
    queryFn: () => api.sessions.health.query({ id: sessionId }),
    refetchInterval: 10_000,
  });
  if (health.isPending) return <Loading label="Loading the stream health" />;
  if (health.error)
    return <ErrorAlert title="Could not load the stream health" error={health.error} />;
  const { data } = health;
  const output = OUTPUT[data.output];
  return (
    <>
      <Group gap="xs">
        <Text size="sm">Output</Text>
        <Badge color={output.color}>{output.label}</Badge>
        <Text size="xs" c="dimmed">
          checked {formatDateTime(data.checked_at)}
        </Text>
      </Group>
      <StatGrid
        stats={[
          { label: 'Bitrate', value: figure(data.bitrate_kbps, ' kbps') },
          { label: 'Frame rate', value: figure(data.fps, ' fps') },
          { label: 'Encoder speed', value: figure(data.speed, '×', 2) },
          { label: 'Newest segment age', value: figure(data.segment_age_seconds, ' s', 1) },
          { label: 'Viewers', value: data.viewers },
          ...viewerHealthStats(data),
        ]}
      />
    </>
  );
}
