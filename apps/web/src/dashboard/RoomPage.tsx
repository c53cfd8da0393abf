// One room of the host: its details (edit, delete) and its sessions (schedule, reschedule,
// settings, delete); with no session yet, an invitation to schedule one.
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import type { RoomResponse } from '@vidinfra/domain';
import { EmptyState, ErrorAlert, Loading } from '@vidinfra/ui';
import { api } from '../api.ts';
import { AnchorLink } from '../components/AnchorLink.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { DASHBOARD, keys } from './query-keys.ts';
import { RoomFormModal } from './RoomFormModal.tsx';
import { SessionActions } from './SessionActions.tsx';
import { SessionFormModal } from './SessionFormModal.tsx';
import { SessionList, SessionRow } from './SessionRow.tsx';

function Sessions({ room, onSchedule }: { room: RoomResponse; onSchedule: () => void }) {
  const sessions = useQuery({
    queryKey: keys.roomSessions(room.id),
    queryFn: () => api.sessions.listInRoom.query({ id: room.id, page: 1, limit: 100 }),
  });
  if (sessions.isPending) return <Loading label="Loading the sessions" />;
  if (sessions.error)
    return <ErrorAlert title="Could not load the sessions" error={sessions.error} />;
  if (sessions.data.items.length === 0)
    return (
      <EmptyState title="No sessions yet">
        <Stack gap="sm" align="flex-start">
          <span>Schedule this room’s first session; you go live from its studio.</span>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onSchedule}>
            Schedule the first session
          </Button>
        </Stack>
      </EmptyState>
    );
  return (
    <SessionList>
      {sessions.data.items.map((session) => (
        <SessionRow
          key={session.id}
          session={session}
          actions={<SessionActions session={session} />}
        />
      ))}
    </SessionList>
  );
}

export function RoomPage() {
  const { roomId } = useParams({ from: '/dashboard/rooms/$roomId' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, edit] = useDisclosure(false);
  const [scheduling, schedule] = useDisclosure(false);
  const room = useQuery({
    queryKey: keys.room(roomId),
    queryFn: () => api.rooms.get.query({ id: roomId }),
  });
  if (room.isPending) return <Loading label="Loading the room" />;
  if (room.error) return <ErrorAlert title="Could not load this room" error={room.error} />;
  const { data } = room;
  return (
    <Stack gap="lg">
      <AnchorLink to="/dashboard" size="sm">
        ← All rooms
      </AnchorLink>
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={2} style={{ overflowWrap: 'anywhere' }}>
            {data.name}
          </Title>
          <Badge variant="light" color={data.visibility === 'public' ? 'green' : 'gray'}>
            {data.visibility === 'public' ? 'Public' : 'Private'}
          </Badge>
        </Group>
        {data.description && <Text c="dimmed">{data.description}</Text>}
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={edit.open}>
            Edit room
          </Button>
          <ConfirmButton
            label="Delete room"
            title="Delete this room?"
            confirmLabel="Delete room"
            onConfirm={() => api.rooms.delete.mutate({ id: data.id })}
            onDone={() =>
              void navigate({ to: '/dashboard' }).then(() =>
                queryClient.invalidateQueries({ queryKey: DASHBOARD }),
              )
            }
          >
            “{data.name}” and all its sessions will be deleted. This cannot be undone.
          </ConfirmButton>
        </Group>
      </Stack>
      <Stack component="section" aria-labelledby="sessions-heading" gap="sm">
        <Group justify="space-between">
          <Title order={3} id="sessions-heading">
            Sessions
          </Title>
          <Button
            size="sm"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={schedule.open}
          >
            Schedule session
          </Button>
        </Group>
        <Sessions room={data} onSchedule={schedule.open} />
      </Stack>
      <RoomFormModal opened={editing} onClose={edit.close} room={data} />
      <SessionFormModal
        roomId={data.id}
        opened={scheduling}
        onClose={schedule.close}
        onSaved={(session) =>
          void navigate({
            to: '/dashboard/sessions/$sessionId',
            params: { sessionId: session.id },
          })
        }
      />
    </Stack>
  );
}
