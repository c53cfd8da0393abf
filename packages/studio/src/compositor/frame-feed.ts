// How an input's video reaches the drawing worker. In Chromium, a MediaStreamTrackProcessor on
// the main thread turns the track into a ReadableStream of VideoFrames, which is transferred to
// the worker: from then on the frames flow without the main thread, and keep flowing in a hidden
// tab. Elsewhere (no MediaStreamTrackProcessor in a window), a video element's frames are grabbed
// as ImageBitmaps on a timer and posted (a background tab slows this fallback down).
import type { ToWorker } from './protocol.ts';

declare class MediaStreamTrackProcessor {
  constructor(init: { track: MediaStreamTrack; maxBufferSize?: number });
  readonly readable: ReadableStream<VideoFrame>;
}

export interface FrameFeed {
  readonly trackId: string;
  stop(): void;
}

type Post = (message: ToWorker, transfer: Transferable[]) => void;

export const canTransferFrames = () =>
  typeof (globalThis as { MediaStreamTrackProcessor?: unknown }).MediaStreamTrackProcessor ===
  'function';

export function feedFrames(
  id: string,
  track: MediaStreamTrack,
  fps: number,
  post: Post,
): FrameFeed {
  // A clone of our own: ending the feed stops it, never the host's camera.
  const own = track.clone();
  if (canTransferFrames()) {
    const { readable } = new MediaStreamTrackProcessor({ track: own, maxBufferSize: 2 });
    post({ type: 'frames', id, frames: readable }, [readable as unknown as Transferable]);
    return { trackId: track.id, stop: () => own.stop() };
  }
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([own]);
  void video.play().catch(() => {});
  let grabbing = false;
  const timer = setInterval(() => {
    if (grabbing || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
    grabbing = true;
    createImageBitmap(video)
      .then((frame) => post({ type: 'frame', id, frame }, [frame]))
      .catch(() => {})
      .finally(() => (grabbing = false));
  }, 1000 / fps);
  return {
    trackId: track.id,
    stop() {
      clearInterval(timer);
      video.srcObject = null;
      own.stop();
    },
  };
}
