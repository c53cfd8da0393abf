// Recording while live: the active recording as it stands on the server (read on load, kept
// current by the session's recording events), "Start recording" / "Stop recording", and the REC
// indicator with how long it has been recording.
import { useApi } from '@vidinfra/ui';
import { Badge, Button, Group, Text } from '@mantine/core';
import { IconPlayerRecordFilled, IconPlayerStopFilled } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { messageOf } from '@vidinfra/ui';
import { useEffect, useState } from 'react';
import { useFeedEvents } from '@vidinfra/ui';

const clock = (seconds: number) => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
};

function useSecondsSince(since: string | null) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!since) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since ? Math.max(0, Math.floor((now - Date.parse(since)) / 1000)) : 0;
}

export function RecordingControl({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const key = ['studio', sessionId, 'recording'];
  const active = useQuery({
    queryKey: key,
    queryFn: () => api.recordings.active.query({ id: sessionId }),
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const recording = active.data?.recording ?? null;
  const seconds = useSecondsSince(recording?.started_at ?? null);

  useFeedEvents((event) => {
    if (event.event === 'recording.started' || event.event === 'recording.stopped')
      void queryClient.invalidateQueries({ queryKey: key });
  });

  const run = async (action: 'start' | 'stop') => {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.recordings[action].mutate({ id: sessionId });
      queryClient.setQueryData(key, { recording: action === 'start' ? answer : null });
    } catch (failure) {
      setError(messageOf(failure));
      void queryClient.invalidateQueries({ queryKey: key });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {recording ? (
        // The indicator and its button stay together when the row wraps.
        <Group gap="xs" wrap="nowrap">
          <Badge
            color="red"
            size="md"
            variant="filled"
            role="status"
            aria-label={`Recording for ${clock(seconds)}`}
            leftSection={<IconPlayerRecordFilled size={12} aria-hidden />}
            data-testid="rec-indicator"
          >
            REC {clock(seconds)}
          </Badge>
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconPlayerStopFilled size={14} aria-hidden />}
            loading={busy}
            onClick={() => void run('stop')}
          >
            Stop recording
          </Button>
        </Group>
      ) : (
        <Button
          size="compact-sm"
          variant="light"
          color="red"
          leftSection={<IconPlayerRecordFilled size={14} aria-hidden />}
          loading={busy || active.isPending}
          onClick={() => void run('start')}
        >
          Start recording
        </Button>
      )}
      {(error || active.isError) && (
        <Text size="xs" c="red" role="alert" w="100%">
          {error ?? `The recording state could not be read: ${messageOf(active.error)}`}
        </Text>
      )}
    </>
  );
}
