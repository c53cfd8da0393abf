// Rooms and libraries as the contract lets an admin list them: the public rooms (searchable),
// the rooms the admin owns, and the libraries the admin belongs to. (The contract has no
// platform-wide list of private rooms or of every library.)
import { Badge, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RoomListResponse } from '@vidinfra/domain';
import { EmptyState, ErrorAlert, formatDateTime, Loading } from '@vidinfra/ui';
import { useState } from 'react';
import { api } from '../api.ts';
import { AnchorLink } from '../components/AnchorLink.tsx';

const LIMIT = 50;

function RoomList(props: {
  label: string;
  query: { isPending: boolean; error: unknown; data: RoomListResponse | undefined };
  empty: string;
}) {
  const { query } = props;
  if (query.isPending) return <Loading label={`Loading ${props.label.toLowerCase()}`} />;
  if (query.error || !query.data)
    return <ErrorAlert title={`Could not load ${props.label.toLowerCase()}`} error={query.error} />;
  if (query.data.items.length === 0) return <Text c="dimmed">{props.empty}</Text>;
  return (
    <Stack
      component="ul"
      aria-label={props.label}
      gap="xs"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {query.data.items.map((room) => (
        <Paper key={room.id} withBorder p="sm" component="li">
          <Group justify="space-between" gap="xs">
            <AnchorLink
              to="/rooms/$roomId"
              params={{ roomId: room.id }}
              fw={600}
              style={{ overflowWrap: 'anywhere' }}
            >
              {room.name}
            </AnchorLink>
            <Group gap="xs">
              {room.analytics && (
                <Text size="xs" c="dimmed">
                  {room.analytics.total_sessions} sessions
                </Text>
              )}
              <Badge variant="light" color={room.visibility === 'public' ? 'blue' : 'gray'}>
                {room.visibility === 'public' ? 'Public' : 'Unlisted'}
              </Badge>
            </Group>
          </Group>
          <Text size="xs" c="dimmed">
            Created {formatDateTime(room.created_at)}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

function Libraries() {
  const libraries = useQuery({
    queryKey: ['admin', 'libraries'],
    queryFn: () => api.libraries.list.query({ page: 1, limit: LIMIT }),
  });
  if (libraries.isPending) return <Loading label="Loading libraries" />;
  if (libraries.error)
    return <ErrorAlert title="Could not load libraries" error={libraries.error} />;
  if (libraries.data.items.length === 0)
    return <EmptyState title="No libraries">You do not belong to any library yet.</EmptyState>;
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped aria-label="Libraries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Your role</Table.Th>
            <Table.Th>Members</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {libraries.data.items.map((library) => (
            <Table.Tr key={library.id}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{library.name}</Table.Td>
              <Table.Td>{library.role}</Table.Td>
              <Table.Td>{library.member_count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function RoomsPanel() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const publicRooms = useQuery({
    queryKey: ['admin', 'rooms', 'public', q],
    queryFn: () => api.rooms.list.query({ page: 1, limit: LIMIT, ...(q && { q }) }),
    placeholderData: keepPreviousData,
  });
  const mine = useQuery({
    queryKey: ['admin', 'rooms', 'mine'],
    queryFn: () => api.rooms.mine.query({ page: 1, limit: LIMIT }),
  });
  return (
    <Stack gap="xl">
      <Stack component="section" aria-labelledby="admin-public-rooms" gap="sm">
        <Stack gap="xs">
          <Title order={3} id="admin-public-rooms">
            Public rooms
          </Title>
          <TextInput
            type="search"
            label="Search public rooms"
            placeholder="Room name"
            maxLength={200}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={{ base: '100%', xs: 320 }}
          />
        </Stack>
        <RoomList
          label="Public rooms"
          query={publicRooms}
          empty={q ? `No public room matches “${q}”.` : 'There are no public rooms.'}
        />
      </Stack>
      <Stack component="section" aria-labelledby="admin-my-rooms" gap="sm">
        <Title order={3} id="admin-my-rooms">
          Your rooms
        </Title>
        <RoomList label="Your rooms" query={mine} empty="You own no rooms." />
      </Stack>
      <Stack component="section" aria-labelledby="admin-libraries" gap="sm">
        <Title order={3} id="admin-libraries">
          Your libraries
        </Title>
        <Libraries />
      </Stack>
    </Stack>
  );
}
