// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient module declaration (hls.js/light) must reach every app that compiles this file
/// <reference path="./hls-light.d.ts" />
// The live player: starts by itself, muted (browsers only autoplay muted video), with an obvious
// button to turn the sound on. hls.js plays the stream where the browser cannot (it is loaded
// only then); Safari and iOS play it natively. Once it has a frame, `onStarted` gets the playhead's
// clock: the wall-clock time of the frame on screen (EXT-X-PROGRAM-DATE-TIME), for showing chat
// in step with the picture.
import { Alert, Box, Button, Group } from '@mantine/core';
import { IconVolumeOff } from '@tabler/icons-react';
import type { SessionResponse } from '@vidinfra/domain';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { liveHlsConfig, playsHlsNatively } from './live-hls-config.ts';
import { renewNativeSource } from './native-token-renewal.ts';
import { VIDEO_STYLE, VideoFrame } from './VideoFrame.tsx';

type LatencyMode = SessionResponse['settings']['latency_mode'];

/** The wall-clock time (ms) of the frame on screen, or null when the stream does not say. */
export type PlayheadClock = () => number | null;

/**
 * What the page may learn of the playback while it plays, for reporting its quality: the
 * bitrate and whether it is playing, and each stall (`waiting`) and its end (`playing`).
 */
export interface PlaybackProbe {
  /** The bitrate playing (the level's, or the bandwidth estimate), or null when unknown. */
  bitrateBps(): number | null;
  /** The video is playing (not paused, not ended). */
  playing(): boolean;
  /** Calls `listener(true)` when a stall starts and `listener(false)` when it ends. */
  onStall(listener: (stalled: boolean) => void): () => void;
}

/** Safari's native HLS: the program date time of the stream's start, plus the position. */
const nativeClock =
  (video: HTMLVideoElement): PlayheadClock =>
  () => {
    const start = (video as { getStartDate?: () => Date }).getStartDate?.().getTime();
    return start && Number.isFinite(start) ? start + video.currentTime * 1000 : null;
  };

/** How long a player whose playlist is not there yet waits before asking again. */
const MANIFEST_RETRY_MS = 1_000;

/** Autoplay can still be refused (a saved browser setting): the controls remain. */
const tryPlay = (video: HTMLVideoElement) => void video.play().catch(() => undefined);

function useHlsSource(
  video: HTMLVideoElement | null,
  url: string,
  mode: LatencyMode,
  clock: { current: PlayheadClock },
  bitrate: { current: () => number | null },
  rewrite: { current: ((url: string) => string) | undefined },
) {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!video) return;
    if (playsHlsNatively(video)) {
      clock.current = nativeClock(video);
      video.src = url;
      tryPlay(video);
      const stopRenewing = rewrite.current
        ? renewNativeSource(video, url, (first) => rewrite.current?.(first) ?? first)
        : () => {};
      return () => {
        stopRenewing();
        video.removeAttribute('src');
      };
    }
    let destroy = () => {};
    let cancelled = false;
    void import('hls.js/light').then(({ default: Hls }) => {
      if (cancelled) return;
      if (!Hls.isSupported()) return setFailed(true);
      const hls = new Hls({
        ...liveHlsConfig(mode),
        // A signed stream's newest token on each request: hls.js opens the request itself
        // only when it is not open yet.
        xhrSetup(xhr, requestUrl) {
          const latest = rewrite.current?.(requestUrl);
          if (latest && latest !== requestUrl && xhr.readyState === 0)
            xhr.open('GET', latest, true);
        },
      });
      clock.current = () => hls.playingDate?.getTime() ?? null;
      bitrate.current = () =>
        hls.levels[hls.currentLevel]?.bitrate ??
        (Number.isFinite(hls.bandwidthEstimate) ? hls.bandwidthEstimate : null);
      let retry: ReturnType<typeof setTimeout> | undefined;
      destroy = () => {
        clearTimeout(retry);
        hls.destroy();
      };
      hls.on(Hls.Events.MANIFEST_PARSED, () => tryPlay(video));
      // Stalls and dropped connections recover by themselves; only what cannot is shown.
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        // No playlist yet (opened the moment the host went live, before the first segment):
        // startLoad() cannot fetch a manifest it never had, so the source is loaded again.
        if (data.type === Hls.ErrorTypes.NETWORK_ERROR && hls.levels.length === 0) {
          clearTimeout(retry);
          retry = setTimeout(() => hls.loadSource(url), MANIFEST_RETRY_MS);
        } else if (data.type === Hls.ErrorTypes.NETWORK_ERROR) hls.startLoad();
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
  }, [video, url, mode, clock, bitrate, rewrite]);
  return failed;
}

export interface LivePlayerProps {
  url: string;
  title: string;
  latencyMode: LatencyMode;
  /**
   * Rewrites each media request's URL, e.g. to carry a signed stream's newest token while the
   * source URL stays the same (changing `url` starts the stream again). Under Safari's native
   * HLS, whose requests cannot be rewritten, the source itself moves to the rewritten URL when
   * it changes.
   */
  requestUrl?: (url: string) => string;
  /** Called once, when the video has its first frame, with the playhead's clock. */
  onStarted?: (clock: PlayheadClock, probe: PlaybackProbe) => void;
  /** Notices over the video's top edge, after "Tap to unmute" (wrapping below it when narrow). */
  overlay?: ReactNode;
}

export function LivePlayer(props: LivePlayerProps) {
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [muted, setMuted] = useState(true);
  const clock = useRef<PlayheadClock>(() => null);
  const bitrate = useRef<() => number | null>(() => null);
  const stallListeners = useRef(new Set<(stalled: boolean) => void>());
  const started = useRef(false);
  const rewrite = useRef(props.requestUrl);
  useEffect(() => {
    rewrite.current = props.requestUrl;
  });
  const failed = useHlsSource(video, props.url, props.latencyMode, clock, bitrate, rewrite);
  /** The first frame is there (or playback began): the player has started. */
  const markStarted = () => {
    if (started.current) return;
    started.current = true;
    const probe: PlaybackProbe = {
      bitrateBps: () => bitrate.current(),
      playing: () => !!video && !video.paused && !video.ended,
      onStall(listener) {
        stallListeners.current.add(listener);
        return () => void stallListeners.current.delete(listener);
      },
    };
    props.onStarted?.(() => clock.current(), probe);
  };
  const stalled = (value: boolean) => {
    if (!started.current) return; // the first buffering is the start, not a stall
    for (const listener of stallListeners.current) listener(value);
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
          onPlaying={() => {
            markStarted();
            stalled(false);
          }}
          onWaiting={() => stalled(true)}
          style={VIDEO_STYLE}
        />
      </VideoFrame>
      <Group
        pos="absolute"
        top={12}
        left={12}
        right={12}
        gap="xs"
        justify="space-between"
        align="flex-start"
        style={{ zIndex: 2, pointerEvents: 'none' }}
      >
        {muted && (
          <Button
            color="dark"
            variant="filled"
            size="sm"
            onClick={unmute}
            aria-label="Unmute the live video"
            leftSection={<IconVolumeOff size={18} aria-hidden />}
            style={{ pointerEvents: 'auto' }}
          >
            Tap to unmute
          </Button>
        )}
        {props.overlay}
      </Group>
    </Box>
  );
}
