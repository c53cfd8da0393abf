// Home: what is live now and what is coming up, from the public list operations, and the public
// rooms, searchable by name.
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { SessionListResponse } from '@vidinfra/domain';
import { useState } from 'react';
import { api } from '../api.ts';
import { ErrorAlert, Loading } from '@vidinfra/ui';
import { SessionCard } from '../components/SessionCard.tsx';
import { PublicRooms } from '../rooms/PublicRooms.tsx';

const PAGE = { page: 1, limit: 12 };

function SessionSection(props: {
  title: string;
  query: { isPending: boolean; error: unknown; data: SessionListResponse | undefined };
  empty: string;
}) {
  const { title, query, empty } = props;
  const headingId = `${title.toLowerCase().replace(/\W+/g, '-')}-heading`;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={2} size="h3" id={headingId}>
        {title}
      </Title>
      {query.isPending ? (
        <Loading label={`Loading ${title.toLowerCase()}`} />
      ) : query.error || !query.data ? (
        <ErrorAlert title={`Could not load ${title.toLowerCase()}`} error={query.error} />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {query.data.items.map((session) => (
            <SessionCard key={session.id} session={session} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

export function HomePage() {
  // "Upcoming" starts at the time the page opened (a stable query key).
  const [openedAt] = useState(() => new Date().toISOString());
  const live = useQuery({
    queryKey: ['sessions', 'live'],
    queryFn: () => api.sessions.live.query(PAGE),
    refetchInterval: 30_000,
  });
  const upcoming = useQuery({
    queryKey: ['sessions', 'upcoming', openedAt],
    queryFn: () => api.sessions.list.query({ ...PAGE, status: 'scheduled', from: openedAt }),
  });
  return (
    <Stack gap="xl">
      <SessionSection title="Live now" query={live} empty="Nothing is live right now." />
      <SessionSection title="Upcoming" query={upcoming} empty="No sessions are scheduled." />
      <PublicRooms />
    </Stack>
  );
}
