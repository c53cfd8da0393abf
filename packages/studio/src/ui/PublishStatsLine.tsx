// What the studio uploads: the bitrate leaving the browser and what waits in the socket's queue.
import { Group, Text } from '@mantine/core';
import type { PublishStats } from '../publisher.ts';

const kilobytes = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString()} KB`;

export function PublishStatsLine({ stats }: { stats: PublishStats | null }) {
  return (
    <Group gap="lg" aria-label="Publishing statistics" role="group">
      <Text size="sm">
        Upload{' '}
        <b data-testid="upload-bitrate">
          {stats ? `${stats.bitrateKbps.toLocaleString()} kbit/s` : '—'}
        </b>
      </Text>
      <Text size="sm" c={stats && stats.queuedBytes > 1_000_000 ? 'red' : undefined}>
        Queued <b>{stats ? kilobytes(stats.queuedBytes) : '—'}</b>
      </Text>
      {stats && stats.reconnects > 0 && (
        <Text size="sm">
          Reconnects <b>{stats.reconnects}</b>
        </Text>
      )}
    </Group>
  );
}
