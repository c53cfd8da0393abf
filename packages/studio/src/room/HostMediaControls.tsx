// The host's camera and microphone switches while live: the local tracks are disabled (the
// stream carries black and silence) and viewers are told (host/video, host/audio), so their
// player can say "Host camera off". They start as viewers were last told (the session's
// host_media: a studio opened again soon after keeps a camera turned off, off).
import type { HostMedia } from '@vidinfra/domain';
import { useApi } from '@vidinfra/ui';
import { Button, Text } from '@mantine/core';
import { IconMicrophone, IconMicrophoneOff, IconVideo, IconVideoOff } from '@tabler/icons-react';
import { messageOf } from '@vidinfra/ui';
import { useEffect, useState } from 'react';

type Kind = 'video' | 'audio';

const tracksOf = (stream: MediaStream, kind: Kind) =>
  kind === 'video' ? stream.getVideoTracks() : stream.getAudioTracks();

export function HostMediaControls({
  sessionId,
  stream,
  told,
}: {
  sessionId: string;
  stream: MediaStream | null;
  /** What viewers were last told, when the controls open. */
  told: HostMedia;
}) {
  const api = useApi();
  const [off, setOff] = useState<Record<Kind, boolean>>(() => ({
    video: !told.video,
    audio: !told.audio,
  }));
  const [busy, setBusy] = useState<Kind | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Also for a stream the pickers open anew: its tracks follow the switches.
  useEffect(() => {
    if (!stream) return;
    for (const kind of ['video', 'audio'] as const)
      for (const track of tracksOf(stream, kind)) track.enabled = !off[kind];
  }, [stream, off]);

  const toggle = async (kind: Kind) => {
    const enabled = off[kind];
    setBusy(kind);
    setError(null);
    setOff((all) => ({ ...all, [kind]: !enabled }));
    try {
      const call = kind === 'video' ? api.sessions.hostVideo : api.sessions.hostAudio;
      await call.mutate({ id: sessionId, enabled });
    } catch (failure) {
      setError(`Viewers were not told: ${messageOf(failure)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Button
        size="compact-sm"
        variant={off.video ? 'filled' : 'default'}
        color={off.video ? 'red' : undefined}
        leftSection={
          off.video ? <IconVideoOff size={16} aria-hidden /> : <IconVideo size={16} aria-hidden />
        }
        loading={busy === 'video'}
        onClick={() => void toggle('video')}
      >
        {off.video ? 'Turn camera on' : 'Turn camera off'}
      </Button>
      <Button
        size="compact-sm"
        variant={off.audio ? 'filled' : 'default'}
        color={off.audio ? 'red' : undefined}
        leftSection={
          off.audio ? (
            <IconMicrophoneOff size={16} aria-hidden />
          ) : (
            <IconMicrophone size={16} aria-hidden />
          )
        }
        loading={busy === 'audio'}
        onClick={() => void toggle('audio')}
      >
        {off.audio ? 'Unmute microphone' : 'Mute microphone'}
      </Button>
      {error && (
        <Text size="xs" c="red" role="alert" w="100%">
          {error}
        </Text>
      )}
    </>
  );
}
