// One recording in a list: its poster, title, status (a recording still being made or processed says
// so), visibility, size and length; rename, make public or private, download, delete.
import { Alert, Badge, Box, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecordingResponse, RecordingStatus } from '@vidinfra/domain';
import { formatDateTime, messageOf } from '@vidinfra/ui';
import { api } from '../api.ts';
import { AnchorLink } from '../components/AnchorLink.tsx';
import { PosterImage, useSteadyUrl } from '../components/PosterImage.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { keys } from './query-keys.ts';
import { RenameRecordingModal } from './RenameRecordingModal.tsx';
import { formatDuration } from './StatGrid.tsx';

const STATUS: Record<RecordingStatus, { label: string; color: string }> = {
  recording: { label: 'Recording', color: 'red' },
  processing: { label: 'Processing', color: 'yellow' },
  ready: { label: 'Ready', color: 'green' },
  failed: { label: 'Failed', color: 'orange' },
};

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

export function RecordingRow(props: { recording: RecordingResponse; showSession?: boolean }) {
  const { recording } = props;
  const queryClient = useQueryClient();
  const [renaming, rename] = useDisclosure(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.recordings });
  const visibility = useMutation({
    mutationFn: () =>
      api.recordings.update.mutate({
        id: recording.id,
        visibility: recording.visibility === 'public' ? 'private' : 'public',
      }),
    onSuccess: refresh,
  });
  const download = useMutation({
    mutationFn: async () => {
      const { url } = await api.recordings.downloadUrl.query({ id: recording.id });
      window.location.assign(url);
    },
  });
  const status = STATUS[recording.status];
  const busy = recording.status === 'recording' || recording.status === 'processing';
  const facts = [
    `Started ${formatDateTime(recording.started_at)}`,
    recording.duration_seconds !== undefined && formatDuration(recording.duration_seconds),
    recording.size_bytes !== undefined && megabytes(recording.size_bytes),
  ].filter(Boolean);
  const error = visibility.error ?? download.error;
  const poster = useSteadyUrl(recording.poster_url ?? null);
  return (
    <Paper withBorder p="sm" component="li">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" align="flex-start">
          <Group
            gap="sm"
            wrap="nowrap"
            align="flex-start"
            style={{ minWidth: 0, flex: '1 1 14rem' }}
          >
            <Box
              w={112}
              style={{ flex: 'none', borderRadius: 'var(--mantine-radius-sm)', overflow: 'hidden' }}
            >
              <PosterImage
                src={poster}
                alt={`Poster of ${recording.title}`}
                placeholder={recording.status === 'ready' ? 'No picture' : status.label}
              />
            </Box>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {recording.title}
                </Text>
                <Badge
                  color={status.color}
                  variant="light"
                  leftSection={busy && <Loader size={10} />}
                >
                  {status.label}
                </Badge>
                <Badge variant="outline" color="gray">
                  {recording.visibility === 'public' ? 'Public' : 'Private'}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {facts.join(' · ')}
              </Text>
              {recording.error && (
                <Text size="xs" c="red">
                  {recording.error}
                </Text>
              )}
              {props.showSession && (
                <AnchorLink
                  to="/dashboard/sessions/$sessionId"
                  params={{ sessionId: recording.session_id }}
                  size="xs"
                >
                  Its session
                </AnchorLink>
              )}
            </Stack>
          </Group>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              onClick={rename.open}
              aria-label={`Rename ${recording.title}`}
            >
              Rename
            </Button>
            <Button
              size="xs"
              variant="default"
              loading={visibility.isPending}
              onClick={() => visibility.mutate()}
              aria-label={`Make ${recording.title} ${recording.visibility === 'public' ? 'private' : 'public'}`}
            >
              {recording.visibility === 'public' ? 'Make private' : 'Make public'}
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={recording.status !== 'ready'}
              loading={download.isPending}
              onClick={() => download.mutate()}
              aria-label={`Download ${recording.title}`}
            >
              Download
            </Button>
            <ConfirmButton
              label="Delete"
              ariaLabel={`Delete recording ${recording.title}`}
              title="Delete this recording?"
              confirmLabel="Delete recording"
              onConfirm={() => api.recordings.delete.mutate({ id: recording.id })}
              onDone={() => void refresh()}
            >
              “{recording.title}” and its file will be deleted. This cannot be undone.
            </ConfirmButton>
          </Group>
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {messageOf(error)}
          </Alert>
        )}
      </Stack>
      <RenameRecordingModal recording={recording} opened={renaming} onClose={rename.close} />
    </Paper>
  );
}

/** A recording that is still being made or processed: its list refreshes until it is done. */
export const isUnfinished = (recording: RecordingResponse) =>
  recording.status === 'recording' || recording.status === 'processing';
