// One session in a dashboard list: its title (a link to its dashboard page), status and time.
import { Group, Paper, Stack, Text } from '@mantine/core';
import type { SessionResponse } from '@vidinfra/domain';
import { formatDateTime, StatusBadge } from '@vidinfra/ui';
import type { ReactNode } from 'react';
import { AnchorLink } from '../components/AnchorLink.tsx';

export function sessionWhen(session: SessionResponse): string {
  if (session.status === 'live')
    return `Live since ${formatDateTime(session.live_at ?? session.scheduled_at)} · ${session.viewer_count} watching`;
  if (session.status === 'ended' && session.ended_at)
    return `Ended ${formatDateTime(session.ended_at)}`;
  return `Starts ${formatDateTime(session.scheduled_at)}`;
}

export function SessionRow(props: { session: SessionResponse; actions?: ReactNode }) {
  const { session, actions } = props;
  return (
    <Paper withBorder p="sm" component="li">
      <Group justify="space-between" gap="sm" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
          <Group gap="xs" wrap="nowrap">
            <AnchorLink
              to="/dashboard/sessions/$sessionId"
              params={{ sessionId: session.id }}
              fw={600}
              lineClamp={1}
            >
              {session.title}
            </AnchorLink>
            <StatusBadge status={session.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {sessionWhen(session)}
          </Text>
        </Stack>
        {actions && (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
    </Paper>
  );
}

/** A plain list of session rows (a `ul` without bullets). */
export function SessionList({ children }: { children: ReactNode }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {children}
    </Stack>
  );
}
