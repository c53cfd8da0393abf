// A session's status as a person reads it.
import { Badge } from '@mantine/core';
import type { SessionStatus } from '@vidinfra/domain';

const LOOK: Record<SessionStatus, { label: string; color: string }> = {
  scheduled: { label: 'Scheduled', color: 'blue' },
  backstage: { label: 'Starting soon', color: 'yellow' },
  live: { label: 'Live', color: 'red' },
  ended: { label: 'Ended', color: 'gray' },
};

export function StatusBadge({ status }: { status: SessionStatus }) {
  const { label, color } = LOOK[status];
  return (
    <Badge color={color} variant={status === 'live' ? 'filled' : 'light'} style={{ flexShrink: 0 }}>
      {label}
    </Badge>
  );
}
