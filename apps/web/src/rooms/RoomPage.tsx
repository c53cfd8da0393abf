// A room's page: its name and description, and its sessions — live and upcoming first, then the
// past ones, newest first.
import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { apiErrorOf } from '@vidinfra/api-client';
import type { SessionResponse } from '@vidinfra/domain';
import { EmptyState, ErrorAlert, Loading } from '@vidinfra/ui';
import { api } from '../api.ts';
import { AnchorLink } from '../components/AnchorLink.tsx';
import { SessionCard } from '../components/SessionCard.tsx';

const SESSIONS_SHOWN = 50;

const time = (iso: string) => new Date(iso).getTime();

/** Live first, then the upcoming soonest first, then the ended newest first. */
function ordered(sessions: SessionResponse[]) {
  const rank = { live: 0, backstage: 1, scheduled: 2, ended: 3 } as const;
  return [...sessions].sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      (a.status === 'ended'
        ? time(b.scheduled_at) - time(a.scheduled_at)
        : time(a.scheduled_at) - time(b.scheduled_at)),
  );
}

function RoomNotFound() {
  return (
    <Stack align="flex-start">
      <Title order={2}>Room not found</Title>
      <Text>This room does not exist, or it is no longer available.</Text>
      <AnchorLink to="/">Back to the home page</AnchorLink>
    </Stack>
  );
}

function RoomSessions({ roomId }: { roomId: string }) {
  const sessions = useQuery({
    queryKey: ['rooms', roomId, 'sessions'],
    queryFn: () => api.sessions.listInRoom.query({ id: roomId, page: 1, limit: SESSIONS_SHOWN }),
    refetchInterval: 30_000,
  });
  if (sessions.isPending) return <Loading label="Loading the room's sessions" />;
  if (sessions.error)
    return <ErrorAlert title="Could not load the sessions" error={sessions.error} />;
  if (sessions.data.items.length === 0)
    return (
      <EmptyState title="No sessions yet">Sessions of this room will be listed here.</EmptyState>
    );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
      {ordered(sessions.data.items).map((session) => (
        <SessionCard key={session.id} session={session} />
      ))}
    </SimpleGrid>
  );
}

export function RoomPage() {
  const { roomId } = useParams({ from: '/rooms/$roomId' });
  const room = useQuery({
    queryKey: ['rooms', 'get', roomId],
    queryFn: () => api.rooms.get.query({ id: roomId }),
  });
  if (room.isPending) return <Loading label="Loading the room" />;
  if (room.error) {
    const code = apiErrorOf(room.error)?.code;
    if (code === 'NOT_FOUND' || code === 'VALIDATION_ERROR') return <RoomNotFound />;
    return <ErrorAlert title="Could not load the room" error={room.error} />;
  }
  const data = room.data;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group gap="sm" wrap="nowrap" align="center">
          <Title order={2} style={{ overflowWrap: 'anywhere' }}>
            {data.name}
          </Title>
          {data.visibility === 'private' && (
            <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
              Unlisted
            </Badge>
          )}
        </Group>
        {data.description && <Text>{data.description}</Text>}
      </Stack>
      <Stack component="section" aria-labelledby="room-sessions-heading" gap="sm">
        <Title order={3} id="room-sessions-heading">
          Sessions
        </Title>
        <RoomSessions roomId={roomId} />
      </Stack>
    </Stack>
  );
}
