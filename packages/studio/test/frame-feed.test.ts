import { describe, expect, it } from 'vitest';
import { forwardFrames } from '../src/compositor/frame-feed.ts';

/** A frame that counts its closes. */
const frame = (n: number) => {
  const made = { n, closes: 0, close: () => void made.closes++ };
  return made;
};
type Frame = ReturnType<typeof frame>;

/** A stream the test feeds: `push` a frame, `end` it (its track stopped), or `fail` it. */
function source() {
  let controller!: ReadableStreamDefaultController<Frame>;
  const state = { cancelled: false };
  const stream = new ReadableStream<Frame>({
    start: (c) => void (controller = c),
    cancel: () => void (state.cancelled = true),
  });
  return {
    reader: stream.getReader() as unknown as ReadableStreamDefaultReader<VideoFrame>,
    state,
    push: (f: Frame) => controller.enqueue(f),
    end: () => controller.close(),
    fail: () => controller.error(new Error('track failed')),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('forwarding an input’s frames to the worker', () => {
  it('sends each frame while open; once stopped, closes the frame of the read pending and cancels with no read pending', async () => {
    const { reader, state, push } = source();
    let open = true;
    const sent: Frame[] = [];
    const forwarded = forwardFrames(
      reader,
      () => open,
      (f) => sent.push(f as unknown as Frame),
    );
    const frames = [1, 2, 3].map(frame);
    push(frames[0]!);
    push(frames[1]!);
    await tick();
    open = false;
    expect(state.cancelled).toBe(false);
    push(frames[2]!);
    await forwarded;
    expect(sent.map((f) => f.n)).toEqual([1, 2]);
    // Sent frames are transferred (closed by the transfer), the last one closed here: once each.
    expect(frames.map((f) => f.closes)).toEqual([0, 0, 1]);
    expect(state.cancelled).toBe(true);
  });

  it('settles when the stream ends (its track stopped) or fails', async () => {
    const ending = source();
    const ended = forwardFrames(
      ending.reader,
      () => true,
      () => {},
    );
    ending.end();
    await expect(ended).resolves.toBeUndefined();

    const failing = source();
    const sent: unknown[] = [];
    const failed = forwardFrames(
      failing.reader,
      () => true,
      (f) => sent.push(f),
    );
    failing.push(frame(1));
    await tick();
    failing.fail();
    await expect(failed).resolves.toBeUndefined();
    expect(sent).toHaveLength(1);
  });
});
