// What a list shows when it has nothing yet: what is missing, and what to do about it.
import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Paper withBorder p="lg">
      <Stack gap={4}>
        <Text fw={600}>{title}</Text>
        {children && (
          <Text size="sm" c="dimmed" component="div">
            {children}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
