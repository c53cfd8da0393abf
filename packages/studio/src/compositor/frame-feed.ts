// How an input's video reaches the drawing worker. In Chromium, a MediaStreamTrackProcessor on
// the main thread reads the track as VideoFrames and each frame is transferred to the worker on
// its own (closed on this side by the transfer): every frame passes through code of ours that
// sends or closes it. A feed ends with no read pending: a track stopped while a read waits on its
// processor makes Chromium drop the frame it was making for that read unclosed ("A VideoFrame was
// garbage collected without being closed", under load), which the worker reading a transferred
// stream until its track stopped did.
// Elsewhere (no MediaStreamTrackProcessor in a window), a video element's frames are grabbed as
// ImageBitmaps on a timer and posted (a background tab slows this fallback down).
import type { ToWorker } from './protocol.ts';

declare class MediaStreamTrackProcessor {
  constructor(init: { track: MediaStreamTrack; maxBufferSize?: number });
  readonly readable: ReadableStream<VideoFrame>;
}

export interface FrameFeed {
  readonly trackId: string;
  /** Ends the feed; settles once every frame it read has been posted or closed. */
  stop(): Promise<void>;
}

type Post = (message: ToWorker, transfer: Transferable[]) => void;

/** How long stopping a feed waits for the frame of the read pending. */
const LAST_FRAME_WAIT_MS = 500;

/** `promise` settled, or `ms` gone by. */
export const within = (promise: Promise<unknown>, ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    void promise.finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });

export const canTransferFrames = () =>
  typeof (globalThis as { MediaStreamTrackProcessor?: unknown }).MediaStreamTrackProcessor ===
  'function';

/**
 * Hands each frame `reader` gives to `send` until `open()` says no more: the frame read then is
 * closed and the reader cancelled with no read pending (nothing queued in a processor's stream
 * then, as it makes a frame only for a read). Each frame is sent or closed, once. Settles then,
 * or when the stream ends (its track stopped) or fails.
 */
export async function forwardFrames(
  reader: ReadableStreamDefaultReader<VideoFrame>,
  open: () => boolean,
  send: (frame: VideoFrame) => void,
): Promise<void> {
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      if (!open()) {
        value.close();
        break;
      }
      send(value);
    }
    await reader.cancel();
  } catch {
    // The track failed: the stream is errored, no frame is left in it.
  }
}

export function feedFrames(
  id: string,
  track: MediaStreamTrack,
  fps: number,
  post: Post,
): FrameFeed {
  // A clone of our own: ending the feed stops it, never the host's camera.
  const own = track.clone();
  let open = true;
  if (canTransferFrames()) {
    const { readable } = new MediaStreamTrackProcessor({ track: own, maxBufferSize: 2 });
    const forwarded = forwardFrames(
      readable.getReader(),
      () => open,
      (frame) => post({ type: 'frame', id, frame }, [frame]),
    );
    return {
      trackId: track.id,
      async stop() {
        open = false;
        // The read pending gets its frame (closed), then the reader is cancelled: only then is
        // the track stopped (stopped with a read pending, Chromium may drop the frame it was
        // making for it, unclosed). A track sending no frames is stopped after a while, which
        // ends the read.
        await within(forwarded, LAST_FRAME_WAIT_MS);
        own.stop();
        await forwarded;
      },
    };
  }
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([own]);
  void video.play().catch(() => {});
  let grabbing: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (grabbing || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
    grabbing = createImageBitmap(video)
      .then((frame) => {
        if (open) post({ type: 'frame', id, frame }, [frame]);
        else frame.close();
      })
      .catch(() => {})
      .finally(() => (grabbing = null));
  }, 1000 / fps);
  return {
    trackId: track.id,
    async stop() {
      open = false;
      clearInterval(timer);
      video.srcObject = null;
      own.stop();
      await grabbing;
    },
  };
}
