// The compositor as React state: made once per output quality, fed the camera, the shared screen
// and the guests as they change, stopped on unmount or when no longer enabled.
import { useEffect, useState } from 'react';
import {
  compositorSupported,
  createCompositor,
  type Compositor,
  type CompositorInput,
} from '../compositor/compositor.ts';
import type { Layout } from '../compositor/layout.ts';
import { DEFAULT_OUTPUT_QUALITY, type OutputQuality } from '../compositor/quality.ts';

export interface UseCompositorOptions {
  camera: MediaStream | null;
  screen?: MediaStream | null;
  /** Guests on stage: user id → their stream (from the stage's peer connections). */
  guests?: ReadonlyMap<string, MediaStream>;
  /** Guests' display names for their tiles: user id → name. */
  guestNames?: ReadonlyMap<string, string>;
  layout: Layout;
  quality?: OutputQuality;
  /** The host's name on the camera's tile. */
  cameraLabel?: string | null;
  /** The host's microphone left out of the mix. */
  cameraMuted?: boolean;
  /** False once the session is over: everything is released. */
  enabled?: boolean;
}

export function useCompositor(options: UseCompositorOptions) {
  const { camera, screen, guests, guestNames, layout, cameraLabel, cameraMuted } = options;
  const quality = options.quality ?? DEFAULT_OUTPUT_QUALITY;
  const enabled = options.enabled ?? true;
  const [compositor, setCompositor] = useState<Compositor | null>(null);
  const [supported] = useState(compositorSupported);

  useEffect(() => {
    if (!enabled || !supported) return;
    const made = createCompositor(quality);
    setCompositor(made);
    // Tests read the drawing worker's progress.
    (window as { studioCompositor?: Compositor }).studioCompositor = made;
    return () => {
      setCompositor(null);
      void made.stop();
    };
  }, [enabled, supported, quality.width, quality.height, quality.fps, quality.videoBitsPerSecond]);

  useEffect(() => {
    if (!compositor) return;
    const inputs: CompositorInput[] = [];
    if (screen) inputs.push({ id: 'screen', kind: 'screen', stream: screen });
    if (camera)
      inputs.push({
        id: 'camera',
        kind: 'camera',
        stream: camera,
        label: cameraLabel ?? null,
        muted: cameraMuted,
      });
    for (const [userId, stream] of guests ?? [])
      inputs.push({
        id: `guest:${userId}`,
        kind: 'guest',
        stream,
        label: guestNames?.get(userId) ?? 'Guest',
      });
    compositor.update(inputs, layout);
  }, [compositor, camera, screen, guests, guestNames, layout, cameraLabel, cameraMuted]);

  /** `unsupported`: this browser cannot composite (no OffscreenCanvas): publish the camera. */
  return { stream: compositor?.stream ?? null, compositor, quality, unsupported: !supported };
}
