// The host dashboard's first page: the host's figures, rooms (create, edit, delete) and the
// sessions coming up; with no room yet, an invitation to create one.
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { RoomResponse } from '@vidinfra/domain';
import { EmptyState, ErrorAlert, Loading } from '@vidinfra/ui';
import { useState } from 'react';
import { api } from '../api.ts';
import { AnchorLink } from '../components/AnchorLink.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { DASHBOARD, keys } from './query-keys.ts';
import { RoomFormModal } from './RoomFormModal.tsx';
import { SessionList, SessionRow } from './SessionRow.tsx';
import { formatDuration, plural, StatGrid } from './StatGrid.tsx';

function Overview() {
  const stats = useQuery({ queryKey: keys.stats, queryFn: () => api.sessions.stats.query({}) });
  if (stats.isPending) return <Loading label="Loading your figures" />;
  if (stats.error) return <ErrorAlert title="Could not load your figures" error={stats.error} />;
  const { data } = stats;
  // A new host sees the invitation to create a room first, not a row of zeros.
  if (data.rooms === 0) return null;
  return (
    <>
      <StatGrid
        stats={[
          { label: 'Rooms', value: data.rooms },
          { label: 'Live now', value: data.sessions_by_status.live ?? 0 },
          { label: 'Scheduled', value: data.sessions_by_status.scheduled ?? 0 },
          { label: 'Watching now', value: data.live_viewers },
          { label: 'Recordings', value: data.recordings },
          { label: 'Watch time', value: formatDuration(data.total_watch_seconds) },
        ]}
      />
      <Stack component="section" aria-labelledby="upcoming-heading" gap="sm">
        <Title order={3} id="upcoming-heading">
          Coming up
        </Title>
        {data.upcoming_sessions.length === 0 ? (
          <Text c="dimmed" size="sm">
            No session is scheduled. Open a room to schedule one.
          </Text>
        ) : (
          <SessionList>
            {data.upcoming_sessions.map((session) => (
              <SessionRow key={session.id} session={session} />
            ))}
          </SessionList>
        )}
      </Stack>
    </>
  );
}

/** The room's sessions that are live now, each a link to its dashboard page. */
function LiveNow({ roomId }: { roomId: string }) {
  const live = useQuery({
    queryKey: [...keys.roomSessions(roomId), 'live'],
    queryFn: () => api.sessions.listInRoom.query({ id: roomId, status: 'live', page: 1, limit: 5 }),
    refetchInterval: 30_000,
  });
  if (!live.data?.items.length) return null;
  return (
    <SessionList>
      {live.data.items.map((session) => (
        <SessionRow key={session.id} session={session} />
      ))}
    </SessionList>
  );
}

function RoomCard({ room, onEdit }: { room: RoomResponse; onEdit: () => void }) {
  const queryClient = useQueryClient();
  const live = room.analytics?.live_sessions ?? 0;
  return (
    <Paper withBorder p="md" component="li">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Group gap="xs">
            <AnchorLink
              to="/dashboard/rooms/$roomId"
              params={{ roomId: room.id }}
              fw={600}
              lineClamp={1}
            >
              {room.name}
            </AnchorLink>
            <Badge variant="light" color={room.visibility === 'public' ? 'green' : 'gray'}>
              {room.visibility === 'public' ? 'Public' : 'Private'}
            </Badge>
            {live > 0 && <Badge color="red">{live} live</Badge>}
          </Group>
          {room.description && (
            <Text size="sm" c="dimmed" lineClamp={2}>
              {room.description}
            </Text>
          )}
          {room.analytics && (
            <Text size="xs" c="dimmed">
              {plural(room.analytics.total_sessions, 'session')} ·{' '}
              {plural(room.analytics.total_viewers, 'viewer')} ·{' '}
              {formatDuration(room.analytics.total_watch_seconds)} watched
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            onClick={onEdit}
            aria-label={`Edit room ${room.name}`}
          >
            Edit
          </Button>
          <ConfirmButton
            label="Delete"
            ariaLabel={`Delete room ${room.name}`}
            title="Delete this room?"
            confirmLabel="Delete room"
            onConfirm={() => api.rooms.delete.mutate({ id: room.id })}
            onDone={() => void queryClient.invalidateQueries({ queryKey: DASHBOARD })}
          >
            “{room.name}” and all its sessions will be deleted. This cannot be undone.
          </ConfirmButton>
        </Group>
      </Group>
      {live > 0 && (
        <Stack gap={4} mt="sm">
          <Text size="xs" fw={600} c="red">
            Live now
          </Text>
          <LiveNow roomId={room.id} />
        </Stack>
      )}
    </Paper>
  );
}

function Rooms({ onCreate, onEdit }: { onCreate: () => void; onEdit: (r: RoomResponse) => void }) {
  const rooms = useQuery({
    queryKey: keys.rooms,
    queryFn: () => api.rooms.mine.query({ page: 1, limit: 100 }),
  });
  if (rooms.isPending) return <Loading label="Loading your rooms" />;
  if (rooms.error) return <ErrorAlert title="Could not load your rooms" error={rooms.error} />;
  if (rooms.data.items.length === 0)
    return (
      <EmptyState title="You have no rooms yet">
        <Stack gap="sm" align="flex-start">
          <span>A room holds your sessions: create one, then schedule its first session.</span>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
            Create your first room
          </Button>
        </Stack>
      </EmptyState>
    );
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {rooms.data.items.map((room) => (
        <RoomCard key={room.id} room={room} onEdit={() => onEdit(room)} />
      ))}
    </Stack>
  );
}

export function DashboardHome() {
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<RoomResponse | undefined>();
  const openForm = (room?: RoomResponse) => {
    setEditing(room);
    open();
  };
  return (
    <Stack gap="lg">
      <Title order={2}>Dashboard</Title>
      <Overview />
      <Stack component="section" aria-labelledby="rooms-heading" gap="sm">
        <Group justify="space-between">
          <Title order={3} id="rooms-heading">
            Your rooms
          </Title>
          <Button
            size="sm"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => openForm()}
          >
            Create room
          </Button>
        </Group>
        <Rooms onCreate={() => openForm()} onEdit={openForm} />
      </Stack>
      <RoomFormModal
        opened={opened}
        onClose={close}
        room={editing}
        onSaved={(room) => {
          if (!editing)
            void navigate({ to: '/dashboard/rooms/$roomId', params: { roomId: room.id } });
        }}
      />
    </Stack>
  );
}
