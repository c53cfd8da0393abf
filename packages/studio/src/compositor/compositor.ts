// The studio's compositor: the camera, the shared screen and the guests laid out on one canvas,
// drawn by a worker on an OffscreenCanvas (so a hidden tab keeps drawing), captured as the
// published video; their audio mixed with Web Audio. One MediaStream out.
import { createAudioMix, type AudioMix } from './audio-mix.ts';
import { feedFrames, within, type FrameFeed } from './frame-feed.ts';
import type { InputKind, Layout } from './layout.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { DEFAULT_OUTPUT_QUALITY, type OutputQuality } from './quality.ts';

export interface CompositorInput {
  /** Stable per input: `camera`, `screen`, or a guest's user id. */
  id: string;
  kind: InputKind;
  stream: MediaStream;
  /** The name on its tile (none for a screen). */
  label?: string | null;
  /** Its sound left out of the mix. */
  muted?: boolean;
}

export interface Compositor {
  /** What the studio publishes: the canvas's video and the mixed audio. */
  readonly stream: MediaStream;
  readonly quality: OutputQuality;
  /** The inputs and layout of now: tracks new since the last call start feeding the worker. */
  update(inputs: readonly CompositorInput[], layout: Layout): void;
  /** Frames the worker has drawn (reported every 30). */
  drawnFrames(): number;
  /** Starts the audio mix if the browser held it back (call from a click). */
  resume(): Promise<void>;
  /** Releases everything: worker, feeds, audio context, output tracks. */
  stop(): Promise<void>;
}

/** The browser can draw in a worker (OffscreenCanvas handed over by a page's canvas). */
export const compositorSupported = () =>
  typeof Worker === 'function' &&
  typeof OffscreenCanvas === 'function' &&
  typeof HTMLCanvasElement !== 'undefined' &&
  'transferControlToOffscreen' in HTMLCanvasElement.prototype &&
  'captureStream' in HTMLCanvasElement.prototype;

/** How long stopping waits for the feeds' last frames, then for the worker's answer. */
const STOP_TIMEOUT_MS = 2_000;

export function createCompositor(quality: OutputQuality = DEFAULT_OUTPUT_QUALITY): Compositor {
  const canvas = document.createElement('canvas');
  canvas.width = quality.width;
  canvas.height = quality.height;
  const offscreen = canvas.transferControlToOffscreen();
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'studio-compositor',
  });
  const post = (message: ToWorker, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  let drawn = 0;
  let workerStopped: () => void = () => {};
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    if (event.data.type === 'drawn') drawn = event.data.frames;
    if (event.data.type === 'stopped') workerStopped();
  };
  post({ type: 'init', canvas: offscreen, fps: quality.fps }, [offscreen]);

  const video = canvas.captureStream(quality.fps).getVideoTracks()[0]!;
  const audio: AudioMix = createAudioMix();
  const stream = new MediaStream([video, audio.track]);
  const feeds = new Map<string, FrameFeed>();
  let stopped = false;

  return {
    stream,
    quality,
    update(inputs, layout) {
      if (stopped) return;
      post({
        type: 'scene',
        layout,
        inputs: inputs.map(({ id, kind, label }) => ({ id, kind, label: label ?? null })),
      });
      const wanted = new Set<string>();
      for (const input of inputs) {
        const track = input.stream.getVideoTracks()[0];
        if (!track || track.readyState === 'ended') continue;
        wanted.add(input.id);
        if (feeds.get(input.id)?.trackId === track.id) continue;
        void feeds.get(input.id)?.stop();
        feeds.set(input.id, feedFrames(input.id, track, quality.fps, post));
      }
      for (const [id, feed] of feeds)
        if (!wanted.has(id)) {
          void feed.stop();
          feeds.delete(id);
        }
      audio.update(inputs);
    },
    drawnFrames: () => drawn,
    resume: () => audio.resume(),
    async stop() {
      if (stopped) return;
      stopped = true;
      // The published tracks end at once; the mix is released meanwhile.
      video.stop();
      const audioStopped = audio.stop();
      // The feeds end and settle once each frame they read is posted or closed; the worker, told
      // after those frames, closes all it holds and answers before it is terminated (a frame left
      // in a terminated worker, or unread on this side, would be reported: "A VideoFrame was
      // garbage collected without being closed"). Each wait has a bound.
      const ended = Promise.all([...feeds.values()].map((feed) => feed.stop()));
      feeds.clear();
      await within(ended, STOP_TIMEOUT_MS);
      const acknowledged = new Promise<void>((resolve) => (workerStopped = resolve));
      post({ type: 'stop' });
      await within(acknowledged, STOP_TIMEOUT_MS);
      worker.terminate();
      await audioStopped;
    },
  };
}
