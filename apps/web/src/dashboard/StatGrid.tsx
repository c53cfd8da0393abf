// A row of figures with their names ("3 rooms", "12 min watched"), wrapping on a phone.
import { Paper, SimpleGrid, Text } from '@mantine/core';

export function StatGrid({ stats }: { stats: Array<{ label: string; value: string | number }> }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: Math.min(stats.length, 4), md: Math.min(stats.length, 6) }}>
      {stats.map((stat) => (
        <Paper withBorder p="sm" key={stat.label}>
          <Text size="xl" fw={700}>
            {stat.value}
          </Text>
          <Text size="xs" c="dimmed">
            {stat.label}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** "2 h 05 min", "12 min", "45 s": a duration as a person reads it. */
export function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min`;
  return `${seconds} s`;
}

/** "1 session", "3 sessions". */
export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
