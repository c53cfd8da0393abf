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
  /** An input's frames as a stream (MediaStreamTrackProcessor's readable, transferred). */
  | { type: 'frames'; id: string; frames: ReadableStream<VideoFrame> }
  /** One frame of an input (the fallback: ImageBitmaps grabbed on the main thread). */
  | { type: 'frame'; id: string; frame: ImageBitmap }
  | { type: 'stop' };

export type FromWorker =
  /** Draws happened: how many since the start (tests and health read it). */
  | { type: 'drawn'; frames: number }
  /** After 'stop': every frame it held is closed and its readers cancelled. */
  | { type: 'stopped' };
