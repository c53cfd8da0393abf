// The host's recordings: rename, public or private, download, delete; a recording still being
// made or processed says so (the list refreshes until it is ready).
import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { EmptyState, ErrorAlert, Loading } from '@vidinfra/ui';
import { api } from '../api.ts';
import { keys } from './query-keys.ts';
import { isUnfinished, RecordingRow } from './RecordingRow.tsx';

export function RecordingsPage() {
  const recordings = useQuery({
    queryKey: keys.recordings,
    queryFn: () => api.recordings.mine.query({ page: 1, limit: 100 }),
    refetchInterval: (query) => (query.state.data?.items.some(isUnfinished) ? 5_000 : false),
  });
  return (
    <Stack gap="md">
      <Title order={2}>Recordings</Title>
      {recordings.isPending ? (
        <Loading label="Loading your recordings" />
      ) : recordings.error ? (
        <ErrorAlert title="Could not load your recordings" error={recordings.error} />
      ) : recordings.data.items.length === 0 ? (
        <EmptyState title="No recordings yet">
          Turn on “Record automatically when live” in a session’s settings, or start a recording
          from the studio.
        </EmptyState>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {recordings.data.items.map((recording) => (
            <RecordingRow key={recording.id} recording={recording} showSession />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
