// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient module declaration (hls.js/light) must reach every app that compiles this file
/// <reference path="./hls-light.d.ts" />
// The live player: starts by itself, muted (browsers only autoplay muted video), with an obvious
// button to turn the sound on. hls.js plays the stream where the browser cannot (it is loaded
// only then); Safari and iOS play it natively. Once it has a frame, `onStarted` gets the playhead's
// clock: the wall-clock time of the frame on screen (EXT-X-PROGRAM-DATE-TIME), for showing chat
// in step with the picture.
import { Alert, Box, Button } from '@mantine/core';
import { IconVolumeOff } from '@tabler/icons-react';
import type { SessionResponse } from '@vidinfra/domain';
import { useEffect, useRef, useState } from 'react';
import { liveHlsConfig, playsHlsNatively } from './live-hls-config.ts';
import { VIDEO_STYLE, VideoFrame } from './VideoFrame.tsx';

type LatencyMode = SessionResponse['settings']['latency_mode'];

/** The wall-clock time (ms) of the frame on screen, or null when the stream does not say. */
export type PlayheadClock = () => number | null;

/** Safari's native HLS: the program date time of the stream's start, plus the position. */
const nativeClock =
  (video: HTMLVideoElement): PlayheadClock =>
  () => {
    const start = (video as { getStartDate?: () => Date }).getStartDate?.().getTime();
    return start && Number.isFinite(start) ? start + video.currentTime * 1000 : null;
  };

/** Autoplay can still be refused (a saved browser setting): the controls remain. */
const tryPlay = (video: HTMLVideoElement) => void video.play().catch(() => undefined);

function useHlsSource(
  video: HTMLVideoElement | null,
  url: string,
  mode: LatencyMode,
  clock: { current: PlayheadClock },
) {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!video) return;
    if (playsHlsNatively(video)) {
      clock.current = nativeClock(video);
      video.src = url;
      tryPlay(video);
      return () => video.removeAttribute('src');
    }
    let destroy = () => {};
    let cancelled = false;
    void import('hls.js/light').then(({ default: Hls }) => {
      if (cancelled) return;
      if (!Hls.isSupported()) return setFailed(true);
      const hls = new Hls(liveHlsConfig(mode));
      clock.current = () => hls.playingDate?.getTime() ?? null;
      destroy = () => hls.destroy();
      hls.on(Hls.Events.MANIFEST_PARSED, () => tryPlay(video));
      // Stalls and dropped connections recover by themselves; only what cannot is shown.
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        if (data.type === Hls.ErrorTypes.NETWORK_ERROR) hls.startLoad();
        else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
        else setFailed(true);
      });
      hls.loadSource(url);
      hls.attachMedia(video);
    });
    return () => {
      cancelled = true;
      destroy();
    };
  }, [video, url, mode, clock]);
  return failed;
}

export interface LivePlayerProps {
  url: string;
  title: string;
  latencyMode: LatencyMode;
  /** Called once, when the video has its first frame, with the playhead's clock. */
  onStarted?: (clock: PlayheadClock) => void;
}

export function LivePlayer(props: LivePlayerProps) {
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [muted, setMuted] = useState(true);
  const clock = useRef<PlayheadClock>(() => null);
  const started = useRef(false);
  const failed = useHlsSource(video, props.url, props.latencyMode, clock);
  /** The first frame is there (or playback began): the player has started. */
  const markStarted = () => {
    if (started.current) return;
    started.current = true;
    props.onStarted?.(() => clock.current());
  };

  const unmute = () => {
    if (!video) return;
    video.muted = false;
    tryPlay(video);
  };

  if (failed) {
    return (
      <Alert color="red" title="This browser cannot play the stream" role="alert">
        Try a current version of Chrome, Firefox, Edge or Safari.
      </Alert>
    );
  }
  return (
    <Box pos="relative">
      <VideoFrame>
        <video
          ref={setVideo}
          aria-label={`Live video: ${props.title}`}
          data-testid="live-player"
          muted
          autoPlay
          playsInline
          controls
          onVolumeChange={(event) => setMuted(event.currentTarget.muted)}
          onLoadedData={markStarted}
          onPlaying={markStarted}
          style={VIDEO_STYLE}
        />
      </VideoFrame>
      {muted && (
        <Button
          pos="absolute"
          top={12}
          left={12}
          color="dark"
          variant="filled"
          size="sm"
          onClick={unmute}
          aria-label="Unmute the live video"
          leftSection={<IconVolumeOff size={18} aria-hidden />}
        >
          Tap to unmute
        </Button>
      )}
    </Box>
  );
}
