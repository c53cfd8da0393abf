// The messages between the compositor (main thread) and its drawing worker.
import type { InputKind, Layout } from './layout.ts';

export interface WorkerInput {
  id: string;
  kind: InputKind;
  /** The name on its tile (none for the shared screen). */
  label: string | null;
}

export type ToWorker =
  /** Once: the canvas to draw on and how often to draw. */
  | { type: 'init'; canvas: OffscreenCanvas; fps: number }
  /** Which inputs exist now and the layout: drawn from the next tick on. */
  | { type: 'scene'; inputs: WorkerInput[]; layout: Layout }
  /**
   * One frame of an input, transferred: the worker holds it or closes it (a VideoFrame read by a
   * MediaStreamTrackProcessor, or, the fallback, an ImageBitmap grabbed from a video element).
   */
  | { type: 'frame'; id: string; frame: VideoFrame | ImageBitmap }
  /** After the last frame of every feed: close everything, answer 'stopped'. */
  | { type: 'stop' };

export type FromWorker =
  /** Draws happened: how many since the start (tests and health read it). */
  | { type: 'drawn'; frames: number }
  /** After 'stop': every frame it was sent is closed. */
  | { type: 'stopped' };
