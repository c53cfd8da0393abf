// One person in the Stage tab (a raised hand, a join request, someone on stage): the name, an
// optional line under it, and what the host can do beside them.
import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function StagePerson({
  name,
  detail,
  children,
}: {
  name: string;
  detail?: string;
  children: ReactNode;
}) {
  return (
    <Group justify="space-between" gap="xs" wrap="wrap" data-testid="stage-person">
      <div style={{ minWidth: 0, flex: '1 1 120px' }}>
        <Text size="sm" fw={600} truncate>
          {name}
        </Text>
        {detail && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {detail}
          </Text>
        )}
      </div>
      <Group gap={6} wrap="nowrap">
        {children}
      </Group>
    </Group>
  );
}
