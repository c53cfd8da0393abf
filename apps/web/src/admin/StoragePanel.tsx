// Storage: what the recordings and the HLS output take, the free space of the volume, the
// recordings per state, and the cleanup — running while the server works, then what it freed.
import {
  Alert,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RecordingStatus, type StorageCleanupResponse } from '@vidinfra/domain';
import { ErrorAlert, formatDateTime, Loading, messageOf } from '@vidinfra/ui';
import { api } from '../api.ts';
import { FailedRecordings } from './FailedRecordings.tsx';
import { formatBytes } from './format-bytes.ts';

const STORAGE_KEY = ['admin', 'storage'];

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Paper withBorder p="md" component="dl" m={0}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={700} size="xl">
        {value}
      </Text>
      {detail && (
        <Text component="dd" m={0} size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}

function CleanupResult({ result }: { result: StorageCleanupResponse }) {
  const seconds = (Date.parse(result.finished_at) - Date.parse(result.started_at)) / 1000;
  return (
    <Alert color="green" title="Cleanup finished" role="status">
      Freed {formatBytes(result.freed_bytes)}: {result.deleted_files} file
      {result.deleted_files === 1 ? '' : 's'} deleted
      {seconds >= 1 ? ` in ${seconds.toFixed(0)} s` : ''}.
      {result.failed_files > 0 &&
        ` ${result.failed_files} file${result.failed_files === 1 ? '' : 's'} could not be deleted (left for the next run).`}
    </Alert>
  );
}

const STATUS_LABEL: Record<RecordingStatus, string> = {
  recording: 'Recording',
  processing: 'Processing',
  ready: 'Ready',
  failed: 'Failed',
};

export function StoragePanel() {
  const queryClient = useQueryClient();
  const storage = useQuery({
    queryKey: STORAGE_KEY,
    queryFn: () => api.admin.storage.query({}),
  });
  const cleanup = useMutation({
    mutationFn: () => api.admin.storageCleanup.mutate({}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STORAGE_KEY }),
  });

  if (storage.isPending) return <Loading label="Loading storage status" />;
  if (storage.error)
    return <ErrorAlert title="Could not load storage status" error={storage.error} />;
  const data = storage.data;
  const known = data.total_bytes !== undefined && data.free_bytes !== undefined;
  const usedOfVolume = known ? (data.total_bytes! - data.free_bytes!) / data.total_bytes! : 0;

  return (
    <Stack gap="lg">
      <Stack component="section" aria-labelledby="storage-usage-heading" gap="sm">
        <Title order={3} id="storage-usage-heading">
          Usage
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <Figure label="Used by the app" value={formatBytes(data.bytes_used)} />
          <Figure label="Recordings" value={formatBytes(data.recordings_bytes)} />
          <Figure label="Live HLS output" value={formatBytes(data.hls_bytes)} />
        </SimpleGrid>
        {known ? (
          <Stack gap={4}>
            <Progress
              value={usedOfVolume * 100}
              color={usedOfVolume > 0.9 ? 'red' : 'blue'}
              aria-label="Disk space used"
            />
            <Text size="sm">
              {formatBytes(data.free_bytes!)} free of {formatBytes(data.total_bytes!)} on the data
              volume
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            The free space of the data volume is not known here.
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Checked {formatDateTime(data.checked_at)}
        </Text>
      </Stack>

      <Stack component="section" aria-labelledby="storage-recordings-heading" gap="sm">
        <Title order={3} id="storage-recordings-heading">
          Recordings by state
        </Title>
        <SimpleGrid cols={{ base: 2, xs: 4 }}>
          {RecordingStatus.options.map((status) => (
            <Figure
              key={status}
              label={STATUS_LABEL[status]}
              value={String(data.recordings_by_status[status] ?? 0)}
              detail={formatBytes(data.recordings_bytes_by_status[status] ?? 0)}
            />
          ))}
        </SimpleGrid>
      </Stack>

      <Stack component="section" aria-labelledby="storage-failed-heading" gap="sm">
        <Title order={3} id="storage-failed-heading">
          Failed recordings in your rooms
        </Title>
        <FailedRecordings />
      </Stack>

      <Stack component="section" aria-labelledby="storage-cleanup-heading" gap="sm">
        <Title order={3} id="storage-cleanup-heading">
          Cleanup
        </Title>
        <Text size="sm">
          Deletes the HLS output of ended sessions and the files of deleted recordings.
        </Text>
        <Group>
          <Button
            color="red"
            variant="light"
            leftSection={<IconTrash size={16} aria-hidden />}
            loading={cleanup.isPending}
            onClick={() => cleanup.mutate()}
          >
            Run cleanup
          </Button>
        </Group>
        {cleanup.isPending && (
          <Stack gap={4} role="status" aria-label="Cleanup running">
            <Progress value={100} striped animated aria-hidden />
            <Text size="sm">Cleaning up: deleting expired and orphaned files…</Text>
          </Stack>
        )}
        {cleanup.error && (
          <Alert color="red" title="Cleanup failed" role="alert">
            {messageOf(cleanup.error)}
          </Alert>
        )}
        {cleanup.data && <CleanupResult result={cleanup.data} />}
      </Stack>
    </Stack>
  );
}
