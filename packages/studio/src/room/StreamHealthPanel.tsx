// The host's stream health in one place: one green / amber / red verdict with its reasons (the
// thresholds are @vidinfra/studio's streamHealthVerdict), then the figures behind it — the
// studio's upload, the ingest's output, the viewers' players — and the viewer count.
import { useApi } from '@vidinfra/ui';
import { Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { LatencyMode } from '@vidinfra/domain';
import { type PublishState, type PublishStats } from '../publisher.ts';
import { streamHealthVerdict, type HealthLevel } from '../stream-health.ts';
import { PublishStatsLine } from '../ui/PublishStatsLine.tsx';
import { messageOf, viewerHealthStats } from '@vidinfra/ui';
import { useEffect, useState, type ReactNode } from 'react';

const HEALTH_POLL_MS = 5_000;
/** Queue samples kept for the trend (one a second). */
const QUEUE_SAMPLES = 10;
/** The HLS segment length of each latency mode (the local output's). */
const SEGMENT_SECONDS: Record<LatencyMode, number> = { standard: 1, low: 0.5 };

const LOOK: Record<HealthLevel, { color: string; label: string }> = {
  green: { color: 'green', label: 'Healthy' },
  amber: { color: 'yellow', label: 'Needs attention' },
  red: { color: 'red', label: 'Problem' },
};

const figure = (value: number | undefined, unit: string, digits = 0) =>
  value === undefined ? '—' : `${value.toFixed(digits)}${unit}`;

function Figures({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={2} component="section" aria-label={title}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {title}
      </Text>
      {children}
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <Text size="sm">
      {label} <b data-testid={testId}>{value}</b>
    </Text>
  );
}

export function StreamHealthPanel({
  sessionId,
  stats,
  publisher,
  latencyMode,
}: {
  sessionId: string;
  stats: PublishStats | null;
  /** The studio's publisher state; null when it is not publishing. */
  publisher: PublishState['status'] | null;
  latencyMode: LatencyMode;
}) {
  const api = useApi();
  const health = useQuery({
    queryKey: ['studio', sessionId, 'health'],
    queryFn: () => api.sessions.health.query({ id: sessionId }),
    refetchInterval: HEALTH_POLL_MS,
  });
  const [queue, setQueue] = useState<number[]>([]);
  useEffect(() => {
    if (stats) setQueue((all) => [...all, stats.queuedBytes].slice(-QUEUE_SAMPLES));
  }, [stats]);

  const data = health.data ?? null;
  const verdict = streamHealthVerdict({
    health: data,
    queuedBytes: queue,
    segmentSeconds: SEGMENT_SECONDS[latencyMode],
    publisher,
  });
  const look = LOOK[verdict.level];

  return (
    <Stack gap="sm" component="section" aria-label="Stream health">
      <Group gap="xs" justify="space-between">
        <Badge
          color={look.color}
          size="lg"
          variant="light"
          role="status"
          data-testid="health-level"
          data-level={verdict.level}
          leftSection={
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 8,
                height: 8,
                borderRadius: 4,
                background: `var(--mantine-color-${look.color}-6)`,
              }}
            />
          }
        >
          Stream {look.label.toLowerCase()}
        </Badge>
        <Text size="sm">
          Viewers <b data-testid="viewer-count">{data?.viewers ?? '—'}</b>
        </Text>
      </Group>
      {verdict.reasons.length > 0 && (
        <List size="sm" spacing={2} aria-label="Why">
          {verdict.reasons.map((reason) => (
            <List.Item key={reason.text} c={reason.level === 'red' ? 'red' : 'yellow.8'}>
              {reason.text}
            </List.Item>
          ))}
        </List>
      )}
      {health.isError && (
        <Text size="xs" c="red" role="alert">
          The ingest's health could not be read: {messageOf(health.error)}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 3, md: 1 }} spacing="xs">
        <Figures title="Studio">
          <PublishStatsLine stats={stats} />
        </Figures>
        <Figures title="Ingest">
          <Figure label="Output" value={data?.output ?? '—'} />
          <Figure label="Frame rate" value={figure(data?.fps, ' fps')} />
          <Figure label="Bitrate" value={figure(data?.bitrate_kbps, ' kbit/s')} />
          <Figure label="Encoder speed" value={figure(data?.speed, '×', 2)} />
          <Figure label="Newest segment" value={figure(data?.segment_age_seconds, ' s old', 1)} />
        </Figures>
        <Figures title="Viewers">
          {data
            ? viewerHealthStats(data).map(({ label, value }) => (
                <Figure key={label} label={label} value={value} />
              ))
            : '—'}
        </Figures>
      </SimpleGrid>
    </Stack>
  );
}
