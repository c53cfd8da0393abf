// The recordings of one session, as on the recordings page.
import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { EmptyState, ErrorAlert, Loading } from '@vidinfra/ui';
import { api } from '../api.ts';
import { keys } from './query-keys.ts';
import { isUnfinished, RecordingRow } from './RecordingRow.tsx';

export function SessionRecordings({ sessionId }: { sessionId: string }) {
  const recordings = useQuery({
    queryKey: [...keys.recordings, 'session', sessionId],
    queryFn: () => api.recordings.listForSession.query({ id: sessionId, page: 1, limit: 100 }),
    refetchInterval: (query) => (query.state.data?.items.some(isUnfinished) ? 5_000 : false),
  });
  return (
    <Stack gap="md">
      <Title order={3} size="h4">
        Recordings
      </Title>
      {recordings.isPending ? (
        <Loading label="Loading the recordings" />
      ) : recordings.error ? (
        <ErrorAlert title="Could not load the recordings" error={recordings.error} />
      ) : recordings.data.items.length === 0 ? (
        <EmptyState title="No recordings of this session">
          Turn on “Record automatically when live” in its settings, or record from the studio.
        </EmptyState>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {recordings.data.items.map((recording) => (
            <RecordingRow key={recording.id} recording={recording} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
