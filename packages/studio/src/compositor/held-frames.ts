// The frames the drawing worker holds: the latest of each input. Each is closed exactly once:
// when a newer frame of its input replaces it, when its input leaves the scene, or when the worker
// stops. A frame that comes for an input not in the scene, or after the stop, is closed at once.
export interface Closable {
  close(): void;
}

export interface HeldFrames<Frame extends Closable> {
  latest(id: string): Frame | undefined;
  /** A new frame of input `id`: kept in place of the one before if `inScene`, else closed. */
  receive(id: string, frame: Frame, inScene: boolean): void;
  /** Closes the frames of inputs no longer in the scene. */
  retain(inScene: ReadonlySet<string>): void;
  /** Closes every frame held, and every frame that comes from now on. */
  closeAll(): void;
}

export function heldFrames<Frame extends Closable>(): HeldFrames<Frame> {
  const frames = new Map<string, Frame>();
  let closed = false;
  return {
    latest: (id) => frames.get(id),
    receive(id, frame, inScene) {
      if (closed || !inScene) return frame.close();
      frames.get(id)?.close();
      frames.set(id, frame);
    },
    retain(inScene) {
      for (const [id, frame] of frames)
        if (!inScene.has(id)) {
          frame.close();
          frames.delete(id);
        }
    },
    closeAll() {
      closed = true;
      for (const frame of frames.values()) frame.close();
      frames.clear();
    },
  };
}
