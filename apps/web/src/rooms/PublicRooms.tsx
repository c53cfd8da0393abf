// The public rooms, searchable: the list follows what is typed (after a short pause), and says
// when nothing matches.
import { SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading, Pages } from '@vidinfra/ui';
import { useState } from 'react';
import { api } from '../api.ts';
import { RoomCard } from './RoomCard.tsx';

const LIMIT = 12;

export function PublicRooms() {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [q] = useDebouncedValue(search.trim(), 300);
  const rooms = useQuery({
    queryKey: ['rooms', 'public', q, page],
    queryFn: () => api.rooms.list.query({ page, limit: LIMIT, ...(q && { q }) }),
    placeholderData: keepPreviousData,
  });
  const pages = rooms.data ? Math.ceil(rooms.data.total / LIMIT) : 0;
  return (
    <Stack component="section" aria-labelledby="rooms-heading" gap="sm">
      <Stack gap="xs">
        <Title order={2} size="h3" id="rooms-heading">
          Rooms
        </Title>
        <TextInput
          type="search"
          label="Search rooms"
          placeholder="Room name"
          maxLength={200}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', xs: 320 }}
        />
      </Stack>
      {rooms.isPending ? (
        <Loading label="Loading rooms" />
      ) : rooms.error ? (
        <ErrorAlert title="Could not load rooms" error={rooms.error} />
      ) : rooms.data.items.length === 0 ? (
        <Text c="dimmed">
          {q ? `No public room matches “${q}”.` : 'There are no public rooms yet.'}
        </Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} aria-busy={rooms.isFetching}>
            {rooms.data.items.map((room) => (
              <RoomCard key={room.id} room={room} />
            ))}
          </SimpleGrid>
          <Pages total={pages} value={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
