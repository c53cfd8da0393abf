// On stage: the guest's own camera preview, the camera and microphone to use, turning each off
// and on (only what the host allows), and leaving the stage — which stops every track. The
// camera and microphone go to the studio over WebRTC (use-stage-link.ts), its state shown.
import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconMicrophone, IconMicrophoneOff, IconVideo, IconVideoOff } from '@tabler/icons-react';
import type { StageParticipantResponse } from '@vidinfra/domain';
import { messageOf, useEngage } from '@vidinfra/ui';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useLocalMedia } from './use-local-media.ts';
import { useStageLink } from './use-stage-link.ts';
import type { StageLinkState } from './stage-link.ts';

const LINK_STATUS: Record<StageLinkState, { text: string; color: string } | null> = {
  waiting: { text: 'Waiting for the studio…', color: 'gray' },
  connecting: { text: 'Connecting to the studio…', color: 'gray' },
  connected: { text: 'You are live on stage', color: 'red' },
  failed: { text: 'Lost the studio, trying again…', color: 'yellow' },
  closed: null,
};

function LinkStatus({ state }: { state: StageLinkState }) {
  const status = LINK_STATUS[state];
  return (
    <div role="status" aria-live="polite">
      {status && (
        <Badge color={status.color} variant={state === 'connected' ? 'filled' : 'light'}>
          {status.text}
        </Badge>
      )}
    </div>
  );
}

function Preview({ stream, cameraOn }: { stream: MediaStream | null; cameraOn: boolean }) {
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  useEffect(() => {
    if (video) video.srcObject = stream;
  }, [video, stream]);
  return (
    <div
      style={{
        aspectRatio: '16 / 9',
        background: 'black',
        borderRadius: 'var(--mantine-radius-md)',
        overflow: 'hidden',
        display: 'grid',
        placeItems: 'center',
      }}
    >
      <video
        ref={setVideo}
        data-testid="stage-preview"
        aria-label="Your camera preview"
        muted
        autoPlay
        playsInline
        style={{
          width: '100%',
          height: '100%',
          objectFit: 'cover',
          display: cameraOn ? 'block' : 'none',
        }}
      />
      {!cameraOn && (
        <Text c="gray.4" size="sm">
          Camera off
        </Text>
      )}
    </div>
  );
}

function useTrackSwitch(stream: MediaStream | null, kind: 'audio' | 'video', allowed: boolean) {
  const [on, setOn] = useState(true);
  useEffect(() => {
    for (const track of stream?.getTracks() ?? [])
      if (track.kind === kind) track.enabled = on && allowed;
  }, [stream, kind, on, allowed]);
  return { on: on && allowed, toggle: () => setOn((value) => !value) };
}

export function StagePanel({
  participant,
  onLeft,
}: {
  participant: StageParticipantResponse;
  onLeft: () => void;
}) {
  const { session } = useEngage();
  const { can_publish_video: videoAllowed, can_publish_audio: audioAllowed } =
    participant.permissions;
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [microphoneId, setMicrophoneId] = useState<string | null>(null);
  const media = useLocalMedia({
    cameraId,
    microphoneId,
    wantVideo: videoAllowed,
    wantAudio: audioAllowed,
  });
  const camera = useTrackSwitch(media.stream, 'video', videoAllowed);
  const microphone = useTrackSwitch(media.stream, 'audio', audioAllowed);
  const link = useStageLink(media.stream);
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const leave = async () => {
    setLeaving(true);
    try {
      await api.stage.leave.mutate({ id: session.id });
      onLeft();
    } catch (failure) {
      setError(messageOf(failure));
      setLeaving(false);
    }
  };

  const options = (list: MediaDeviceInfo[], what: string) =>
    list.map((d, i) => ({ value: d.deviceId, label: d.label || `${what} ${i + 1}` }));

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="stage-title">
      <Stack gap="xs">
        <Title order={3} size="h4" id="stage-title">
          You are on stage
        </Title>
        <LinkStatus state={link} />
        <Preview stream={media.stream} cameraOn={camera.on && videoAllowed} />
        {media.error && (
          <Alert color="red" role="alert">
            {media.error}
          </Alert>
        )}
        <Group grow gap="xs" align="flex-end">
          {videoAllowed && (
            <Select
              size="xs"
              label="Camera"
              data={options(media.cameras, 'Camera')}
              value={cameraId ?? media.stream?.getVideoTracks()[0]?.getSettings().deviceId ?? null}
              onChange={setCameraId}
              allowDeselect={false}
            />
          )}
          {audioAllowed && (
            <Select
              size="xs"
              label="Microphone"
              data={options(media.microphones, 'Microphone')}
              value={
                microphoneId ?? media.stream?.getAudioTracks()[0]?.getSettings().deviceId ?? null
              }
              onChange={setMicrophoneId}
              allowDeselect={false}
            />
          )}
        </Group>
        <Group gap="xs" wrap="wrap">
          <Button
            size="xs"
            variant="default"
            onClick={camera.toggle}
            disabled={!videoAllowed}
            leftSection={camera.on ? <IconVideo size={16} /> : <IconVideoOff size={16} />}
            aria-pressed={!camera.on}
          >
            {camera.on ? 'Turn camera off' : 'Turn camera on'}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={microphone.toggle}
            disabled={!audioAllowed}
            leftSection={
              microphone.on ? <IconMicrophone size={16} /> : <IconMicrophoneOff size={16} />
            }
            aria-pressed={!microphone.on}
          >
            {microphone.on ? 'Mute microphone' : 'Unmute microphone'}
          </Button>
          <Button size="xs" color="red" variant="light" onClick={leave} loading={leaving}>
            Leave the stage
          </Button>
        </Group>
        {(!videoAllowed || !audioAllowed) && (
          <Text size="xs" c="dimmed">
            The host allows your {videoAllowed ? 'camera' : audioAllowed ? 'microphone' : 'nothing'}{' '}
            for now.
          </Text>
        )}
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
