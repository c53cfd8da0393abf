// One session in a list: its picture, its title (a link to the watch page), status and when or
// how many.
import { Card, Group, Text } from '@mantine/core';
import type { SessionResponse } from '@vidinfra/domain';
import { formatDateTime, StatusBadge } from '@vidinfra/ui';
import { AnchorLink } from './AnchorLink.tsx';
import { SessionPoster } from './SessionPoster.tsx';

export function SessionCard({ session }: { session: SessionResponse }) {
  const detail =
    session.status === 'live'
      ? `Live since ${formatDateTime(session.live_at ?? session.scheduled_at)}${
          session.viewer_count > 0 ? ` · ${session.viewer_count} watching` : ''
        }`
      : session.status === 'ended'
        ? `Ended ${formatDateTime(session.ended_at ?? session.scheduled_at)}`
        : `Starts ${formatDateTime(session.scheduled_at)}`;
  return (
    <Card withBorder padding="md" component="article">
      <Card.Section mb="sm">
        <SessionPoster session={session} />
      </Card.Section>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <AnchorLink
          to="/sessions/$sessionId"
          params={{ sessionId: session.id }}
          fw={600}
          lineClamp={2}
        >
          {session.title}
        </AnchorLink>
        <StatusBadge status={session.status} />
      </Group>
      <Text size="sm" c="dimmed" mt="xs">
        {detail}
      </Text>
    </Card>
  );
}
