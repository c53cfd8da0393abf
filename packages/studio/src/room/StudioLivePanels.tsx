// What the host does while the session runs, beside the preview: camera / microphone mute and
// recording, then the side panel (chat, polls, stage). One realtime feed for all of them,
// following the session's channel and its staff channel, shared through the watch page's
// context so the studio reuses the watch page's chat and poll hooks as they are.
import { useApi } from '@vidinfra/ui';
import { Group, Paper, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '@vidinfra/ui';
import { useMemo } from 'react';
import { useStudioServices } from './studio-services.tsx';
import { EngageContext, type Engage } from '@vidinfra/ui';
import { useRealtimeFeed } from '@vidinfra/ui';
import { HostMediaControls } from './HostMediaControls.tsx';
import { RecordingControl } from './RecordingControl.tsx';
import { StudioSidePanel } from './StudioSidePanel.tsx';

const identified = async () => true;
const noClock = () => null;
const ignore = () => undefined;

export function StudioLivePanels({
  sessionId,
  stream,
  live,
}: {
  sessionId: string;
  stream: MediaStream | null;
  live: boolean;
}) {
  const api = useApi();
  const { me } = useStudioServices();
  // The read the feed keeps current (settings, viewer count), as on the watch page.
  const session = useQuery({
    queryKey: ['sessions', 'get', sessionId],
    queryFn: () => api.sessions.get.query({ id: sessionId }),
  });
  const feed = useRealtimeFeed(sessionId, me?.id ?? null, true);

  const engage = useMemo<Engage | null>(
    () =>
      session.data
        ? {
            session: session.data,
            me,
            connection: feed.connection,
            listen: feed.listen,
            banned: false,
            markBanned: ignore,
            identify: identified,
            // The host sees everything at once: no playhead to wait for.
            clock: noClock,
            syncWithVideo: false,
            setSyncWithVideo: ignore,
          }
        : null,
    [session.data, me, feed.connection, feed.listen],
  );

  if (session.isPending) return <Loading label="Loading chat, polls and stage" />;
  if (!engage)
    return <ErrorAlert title="Chat, polls and stage could not load" error={session.error} />;
  return (
    <EngageContext.Provider value={engage}>
      <Stack gap="md" mt="md">
        {live && (
          <Paper
            withBorder
            p="sm"
            component="section"
            aria-label="Camera, microphone and recording"
          >
            <Group gap="xs" wrap="wrap" preventGrowOverflow={false}>
              <HostMediaControls
                sessionId={sessionId}
                stream={stream}
                told={engage.session.host_media}
              />
              <RecordingControl sessionId={sessionId} />
            </Group>
          </Paper>
        )}
        <StudioSidePanel />
      </Stack>
    </EngageContext.Provider>
  );
}
