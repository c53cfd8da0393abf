// The studio of one session: the composited preview (what viewers see), pickers and level meter,
// the layout and screen share; "Start" opens the backstage, "Go live" counts 3-2-1 then goes live
// and publishes the compositor's output; while live, stream health (with the viewer count) and,
// beside the preview, what the host does while live (StudioLivePanels: mute, recording, chat,
// polls, stage); the guests on stage in a strip under the preview; "End session" (confirmed)
// stops everything.
import { useApi } from '@vidinfra/ui';
import { Alert, Badge, Button, Card, Grid, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DevicePreview } from '../ui/DevicePreview.tsx';
import { HostAppVersion } from '../ui/HostAppVersion.tsx';
import { LayoutPicker } from '../ui/LayoutPicker.tsx';
import { LevelMeter } from '../ui/LevelMeter.tsx';
import { ScreenShareButton } from '../ui/ScreenShareButton.tsx';
import { useCompositor } from '../ui/use-compositor.ts';
import { useDevices } from '../ui/use-devices.ts';
import { useScreenShare } from '../ui/use-screen-share.ts';
import { useStudioLayout } from '../ui/use-studio-layout.ts';
import { ErrorAlert, Loading, messageOf } from '@vidinfra/ui';
import { useEffect, useState } from 'react';
import { useStudioServices } from './studio-services.tsx';
import { GuestStrip, useGuestInputs, useStudioGuestStreams } from './guests.ts';
import { StreamHealthPanel } from './StreamHealthPanel.tsx';
import { StudioLivePanels } from './StudioLivePanels.tsx';
import { useOutputQuality } from './use-output-quality.ts';
import { usePublishing } from './use-publishing.ts';

export function StudioRoom({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: ['studio', sessionId],
    queryFn: () => api.sessions.get.query({ id: sessionId }),
  });
  const devices = useDevices();
  const { me } = useStudioServices();
  const quality = useOutputQuality(session.data?.preset_id);
  const publishing = usePublishing(sessionId, quality?.videoBitsPerSecond);
  const share = useScreenShare(quality?.fps);
  const [layout, setLayout] = useStudioLayout(share.stream !== null);
  const [countdown, setCountdown] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const status = session.data?.status;
  const guests = useStudioGuestStreams(sessionId, status === 'backstage' || status === 'live');
  const live = status === 'live';
  const camera = devices.state.status === 'ready' ? devices.state.stream : null;
  // What is published: the compositor's picture of the camera, the screen and the guests.
  const guestInputs = useGuestInputs(guests);
  const composite = useCompositor({
    camera,
    screen: share.stream,
    guests: guestInputs.streams,
    guestNames: guestInputs.names,
    layout,
    quality: quality ?? undefined,
    cameraLabel: me.display_name,
    enabled: status !== undefined && status !== 'ended' && quality !== null,
  });
  const stream = camera && (composite.unsupported ? camera : composite.stream);

  // The ingest ended or refused the stream: the session may have changed under the studio.
  const publishStatus = publishing.state?.status;
  useEffect(() => {
    if (publishStatus === 'stopped' || publishStatus === 'failed')
      void queryClient.invalidateQueries({ queryKey: ['studio', sessionId], exact: true });
  }, [publishStatus, queryClient, sessionId]);

  const refresh = (next: NonNullable<typeof session.data>) => {
    queryClient.setQueryData(['studio', sessionId], next);
  };

  const act = async (run: () => Promise<void>) => {
    setBusy(true);
    setActionError(null);
    try {
      await run();
    } catch (error) {
      setActionError(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    act(async () => refresh((await api.sessions.start.mutate({ id: sessionId })).session));

  // 3, 2, 1 — then live: the output starts and the studio publishes into it.
  useEffect(() => {
    if (countdown === null) return;
    if (countdown > 0) {
      const timer = setTimeout(() => setCountdown(countdown - 1), 1000);
      return () => clearTimeout(timer);
    }
    setCountdown(null);
    void act(async () => {
      refresh((await api.sessions.goLive.mutate({ id: sessionId })).session);
      if (stream) await publishing.start(stream);
    });
    // runs on each tick
  }, [countdown]);

  const end = () =>
    act(async () => {
      setConfirmingEnd(false);
      // Stopped on purpose first (the last slice sent, then 1000), then the session ends.
      await publishing.stop();
      const ended = await api.sessions.end.mutate({ id: sessionId });
      share.stop();
      devices.stop();
      refresh(ended);
    });

  if (session.isPending) return <Loading label="Loading the session" />;
  if (session.isError)
    return <ErrorAlert title="The session could not be loaded" error={session.error} />;
  if (status === 'ended') return <EndedScreen title={session.data.title} />;

  const publishState = publishing.state;
  const publishProblem =
    publishState &&
    (publishState.status === 'failed' ||
      publishState.status === 'takeover' ||
      publishState.status === 'reconnecting')
      ? publishState
      : null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            Studio
          </Text>
          <Title order={2}>{session.data.title}</Title>
          <HostAppVersion />
        </Stack>
        <StageBadge status={status} publishing={publishState?.status === 'publishing'} />
      </Group>

      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <div style={{ position: 'relative' }}>
              <DevicePreview devices={devices} locked={live} preview={composite.stream} />
              {countdown !== null && countdown > 0 && (
                <div
                  role="status"
                  aria-label={`Going live in ${countdown}`}
                  style={{
                    position: 'absolute',
                    inset: 0,
                    display: 'grid',
                    placeItems: 'center',
                    pointerEvents: 'none',
                  }}
                >
                  <Text
                    fz={96}
                    fw={800}
                    c="white"
                    style={{ textShadow: '0 2px 12px rgba(0,0,0,.6)' }}
                  >
                    {countdown}
                  </Text>
                </div>
              )}
            </div>
            {/* Under the preview: in sight beside the side panels while live. */}
            <GuestStrip guests={guests} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder padding="lg">
            <Stack gap="md">
              <LevelMeter stream={camera} />
              <LayoutPicker value={layout} onChange={setLayout} sharing={share.stream !== null} />
              <ScreenShareButton share={share} />
              {live ? (
                <StreamHealthPanel
                  sessionId={sessionId}
                  stats={publishing.stats}
                  publisher={publishState?.status ?? null}
                  latencyMode={session.data.settings.latency_mode}
                />
              ) : (
                <Text size="sm" c="dimmed">
                  {status === 'scheduled'
                    ? 'Check your camera and microphone, then start: the backstage opens, nothing is public yet.'
                    : 'You are backstage. Go live when you are ready: a 3-2-1 countdown, then viewers see you.'}
                </Text>
              )}
              {publishProblem && (
                <Alert
                  color={publishProblem.status === 'reconnecting' ? 'yellow' : 'red'}
                  role="alert"
                >
                  <Stack gap="xs" align="flex-start">
                    {publishProblem.message}
                    {publishProblem.status !== 'reconnecting' && stream && (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() =>
                          void act(() =>
                            publishing.start(stream, publishProblem.status === 'takeover'),
                          )
                        }
                      >
                        {publishProblem.status === 'takeover' ? 'Take over' : 'Publish again'}
                      </Button>
                    )}
                  </Stack>
                </Alert>
              )}
              {actionError && (
                <Alert color="red" role="alert" title="That did not work">
                  {actionError}
                </Alert>
              )}
              <Group gap="sm">
                {status === 'scheduled' && (
                  <Button onClick={() => void start()} loading={busy}>
                    Start
                  </Button>
                )}
                {status === 'backstage' && (
                  <Button
                    color="red"
                    onClick={() => {
                      // The click lets the audio mix start where the browser held it back.
                      void composite.compositor?.resume();
                      setCountdown(3);
                    }}
                    loading={busy || countdown !== null}
                    disabled={!stream}
                  >
                    Go live
                  </Button>
                )}
                {live && (!publishState || publishState.status === 'stopped') && stream && (
                  <Button
                    onClick={() => void act(() => publishing.start(stream, true))}
                    loading={busy}
                  >
                    Resume publishing
                  </Button>
                )}
                {status !== 'scheduled' && (
                  <Button
                    variant="light"
                    color="red"
                    onClick={() => setConfirmingEnd(true)}
                    disabled={busy}
                  >
                    End session
                  </Button>
                )}
              </Group>
            </Stack>
          </Card>
          {status !== 'scheduled' && (
            <StudioLivePanels sessionId={sessionId} stream={camera} live={live} />
          )}
        </Grid.Col>
      </Grid>

      <Modal
        opened={confirmingEnd}
        onClose={() => setConfirmingEnd(false)}
        title="End this session?"
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            Viewers see that it has ended and publishing stops. This cannot be undone.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirmingEnd(false)}>
              Keep going
            </Button>
            <Button color="red" onClick={() => void end()} data-autofocus>
              End now
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function StageBadge({ status, publishing }: { status: string | undefined; publishing: boolean }) {
  if (status === 'live')
    return (
      <Badge color="red" size="lg" variant={publishing ? 'filled' : 'light'} aria-live="polite">
        {publishing ? 'Live' : 'Live · not publishing'}
      </Badge>
    );
  if (status === 'backstage')
    return (
      <Badge color="yellow" size="lg" variant="light">
        Backstage
      </Badge>
    );
  return (
    <Badge color="gray" size="lg" variant="light">
      Not started
    </Badge>
  );
}

function EndedScreen({ title }: { title: string }) {
  const { dashboardLink } = useStudioServices();
  return (
    <Stack align="center" gap="md" py="xl" ta="center">
      <Title order={2}>The session has ended</Title>
      <Text c="dimmed">“{title}” is over; your camera and microphone are off.</Text>
      {dashboardLink}
    </Stack>
  );
}
