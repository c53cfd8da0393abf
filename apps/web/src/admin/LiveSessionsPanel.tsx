// What is live now, each session with its stream health (output state, bitrate, frame rate, the
// newest segment's age, viewers and what their players report), refreshed every few seconds.
import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { OutputState, SessionResponse } from '@vidinfra/domain';
import { EmptyState, ErrorAlert, formatDateTime, Loading, viewerHealthStats } from '@vidinfra/ui';
import { api } from '../api.ts';
import { AnchorLink } from '../components/AnchorLink.tsx';

const HEALTH_POLL_MS = 5_000;
/** A segment older than this means the output has stalled. */
const STALE_SEGMENT_SECONDS = 10;

const OUTPUT_COLOR: Record<OutputState, string> = {
  idle: 'gray',
  starting: 'yellow',
  running: 'green',
  reconnecting: 'orange',
  stopped: 'gray',
  failed: 'red',
};

const number = (value: number | undefined, unit: string, digits = 0) =>
  value === undefined ? '–' : `${value.toFixed(digits)} ${unit}`;

function Health({ sessionId }: { sessionId: string }) {
  const health = useQuery({
    queryKey: ['admin', 'health', sessionId],
    queryFn: () => api.sessions.health.query({ id: sessionId }),
    refetchInterval: HEALTH_POLL_MS,
  });
  if (health.isPending) return <Loading label="Loading stream health" />;
  if (health.error) return <ErrorAlert title="No stream health" error={health.error} />;
  const h = health.data;
  const stale = (h.segment_age_seconds ?? 0) > STALE_SEGMENT_SECONDS;
  const rows: [string, string][] = [
    ['Bitrate', number(h.bitrate_kbps, 'kbps')],
    ['Frame rate', number(h.fps, 'fps')],
    ['Newest segment', number(h.segment_age_seconds, 's old', 1)],
    ['Encoder speed', h.speed === undefined ? '–' : `${h.speed.toFixed(2)}×`],
    ['Viewers', String(h.viewers)],
    ...viewerHealthStats(h).map(({ label, value }): [string, string] => [label, value]),
  ];
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge color={OUTPUT_COLOR[h.output]} variant="light">
          Output {h.output}
        </Badge>
        {stale && (
          <Badge color="red" variant="filled">
            Stalled
          </Badge>
        )}
      </Group>
      <Stack component="dl" gap={2} m={0}>
        {rows.map(([label, value]) => (
          <Group key={label} gap={6} wrap="nowrap">
            <Text component="dt" size="sm" c="dimmed" w={140}>
              {label}
            </Text>
            <Text component="dd" size="sm" m={0} fw={500}>
              {value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}

function LiveSession({ session }: { session: SessionResponse }) {
  return (
    <Paper withBorder p="md" component="li" aria-label={session.title}>
      <Stack gap="sm">
        <Stack gap={2}>
          <AnchorLink
            to="/sessions/$sessionId"
            params={{ sessionId: session.id }}
            fw={600}
            style={{ overflowWrap: 'anywhere' }}
          >
            {session.title}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            Live since {formatDateTime(session.live_at ?? session.scheduled_at)}
          </Text>
        </Stack>
        <Health sessionId={session.id} />
      </Stack>
    </Paper>
  );
}

export function LiveSessionsPanel() {
  const live = useQuery({
    queryKey: ['admin', 'live'],
    queryFn: () => api.sessions.live.query({ page: 1, limit: 50 }),
    refetchInterval: 15_000,
  });
  if (live.isPending) return <Loading label="Loading live sessions" />;
  if (live.error) return <ErrorAlert title="Could not load live sessions" error={live.error} />;
  if (live.data.items.length === 0)
    return (
      <EmptyState title="Nothing is live right now">
        Live sessions and their stream health show here.
      </EmptyState>
    );
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, md: 3 }}
      component="ul"
      aria-label="Live sessions"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {live.data.items.map((session) => (
        <LiveSession key={session.id} session={session} />
      ))}
    </SimpleGrid>
  );
}
