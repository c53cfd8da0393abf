// The badge beside a staff member's name in chat: host, co-host or moderator.
import { Badge } from '@mantine/core';
import type { SessionRole } from '@vidinfra/domain';

const STAFF: Partial<Record<SessionRole, { label: string; color: string }>> = {
  owner: { label: 'Host', color: 'red' },
  cohost: { label: 'Co-host', color: 'grape' },
  moderator: { label: 'Moderator', color: 'blue' },
};

export function StaffBadge({ role }: { role: SessionRole }) {
  const look = STAFF[role];
  if (!look) return null;
  return (
    <Badge size="xs" variant="light" color={look.color} style={{ flexShrink: 0 }}>
      {look.label}
    </Badge>
  );
}
