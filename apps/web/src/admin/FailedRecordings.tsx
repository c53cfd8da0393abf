// Failed recordings with a retry each. The contract lists recordings per owner only (no admin
// list of every recording): these are the failed ones of the admin's own rooms; the storage
// counts above cover every room.
import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordingResponse } from '@vidinfra/domain';
import { EmptyState, ErrorAlert, formatDateTime, Loading, messageOf } from '@vidinfra/ui';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';

const RECORDINGS_KEY = ['admin', 'recordings'];

const STATUS_COLOR = { recording: 'blue', processing: 'yellow', ready: 'green', failed: 'red' };

function FailedRecording(props: { recording: RecordingResponse; onRetried(): void }) {
  const { recording } = props;
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => api.admin.retryRecording.mutate({ id: recording.id }),
    onSuccess: props.onRetried,
    onSettled: () => queryClient.invalidateQueries({ queryKey: RECORDINGS_KEY }),
  });
  return (
    <Paper withBorder p="sm" component="li" aria-label={recording.title}>
      <Group justify="space-between" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 200px' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {recording.title}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={2}>
            Started {formatDateTime(recording.started_at)}
            {recording.error && ` · ${recording.error}`}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge color={STATUS_COLOR[recording.status]} variant="light">
            {recording.status}
          </Badge>
          {recording.status === 'failed' && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconRefresh size={14} aria-hidden />}
              loading={retry.isPending}
              aria-label={`Retry the recording ${recording.title}`}
              onClick={() => retry.mutate()}
            >
              Retry
            </Button>
          )}
        </Group>
      </Group>
      {retry.isSuccess && (
        <Text size="sm" c="green" mt="xs" role="status">
          Sent for processing again.
        </Text>
      )}
      {retry.error && (
        <Alert color="red" mt="xs" role="alert">
          {messageOf(retry.error)}
        </Alert>
      )}
    </Paper>
  );
}

export function FailedRecordings() {
  // Retried ones stay listed with their new state until the page is left.
  const [retried, setRetried] = useState<ReadonlySet<string>>(new Set());
  const recordings = useQuery({
    queryKey: RECORDINGS_KEY,
    queryFn: () => api.recordings.mine.query({ page: 1, limit: 100 }),
    refetchInterval: (query) =>
      query.state.data?.items.some((r) => retried.has(r.id) && r.status === 'processing')
        ? 2_000
        : false,
  });
  // A retried recording's new state changes the storage counts above: read them again.
  const queryClient = useQueryClient();
  const retriedStates = recordings.data?.items
    .filter((r) => retried.has(r.id))
    .map((r) => r.status)
    .join();
  useEffect(() => {
    if (retriedStates) void queryClient.invalidateQueries({ queryKey: ['admin', 'storage'] });
  }, [retriedStates, queryClient]);

  if (recordings.isPending) return <Loading label="Loading failed recordings" />;
  if (recordings.error)
    return <ErrorAlert title="Could not load recordings" error={recordings.error} />;
  const failed = recordings.data.items.filter(
    (recording) => recording.status === 'failed' || retried.has(recording.id),
  );
  if (failed.length === 0)
    return (
      <EmptyState title="No failed recordings">None of your rooms' recordings failed.</EmptyState>
    );
  return (
    <Stack
      component="ul"
      aria-label="Failed recordings"
      gap="xs"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {failed.map((recording) => (
        <FailedRecording
          key={recording.id}
          recording={recording}
          onRetried={() => setRetried((ids) => new Set([...ids, recording.id]))}
        />
      ))}
    </Stack>
  );
}
