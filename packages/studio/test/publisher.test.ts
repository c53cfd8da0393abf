// The publisher against a fake socket and recorder: slices go out in order, a drop reconnects
// (taking over its own stale stream) within the grace period, a refusal stops with its reason.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPublisher, type PublishState, type PublishStats } from '../src/publisher.ts';

class FakeSocket {
  static OPEN = 1;
  static all: FakeSocket[] = [];
  readyState = 0;
  bufferedAmount = 0;
  binaryType = 'blob';
  sent: ArrayBuffer[] = [];
  closedWith: number | null = null;
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  send(bytes: ArrayBuffer) {
    this.sent.push(bytes);
  }
  close(code: number) {
    this.closedWith = code;
    this.drop(code);
  }
  drop(code: number, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}

class FakeRecorder {
  static all: FakeRecorder[] = [];
  state = 'inactive';
  ondataavailable: ((event: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  constructor() {
    FakeRecorder.all.push(this);
  }
  start() {
    this.state = 'recording';
  }
  stop() {
    this.state = 'inactive';
    this.onstop?.();
  }
  slice(text: string) {
    this.ondataavailable?.({ data: new Blob([text]) });
  }
}

beforeEach(() => {
  FakeSocket.all = [];
  FakeRecorder.all = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('MediaRecorder', FakeRecorder);
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function publisher() {
  const states: PublishState[] = [];
  const stats: PublishStats[] = [];
  const p = createPublisher({
    stream: {} as MediaStream,
    ingestUrl: 'ws://x/ingest/sessions/s?token=t',
    mimeType: 'video/webm;codecs=h264,opus',
    onState: (state) => states.push(state),
    onStats: (next) => stats.push(next),
  });
  return { p, states, stats, last: () => states.at(-1) };
}

describe('the publisher', () => {
  it('sends each slice once the socket is open, in order', async () => {
    const { p, last } = publisher();
    p.start();
    expect(last()).toEqual({ status: 'connecting' });
    FakeSocket.all[0]!.open();
    expect(last()).toEqual({ status: 'publishing' });
    FakeRecorder.all[0]!.slice('a');
    FakeRecorder.all[0]!.slice('bc');
    await vi.waitFor(() => expect(FakeSocket.all[0]!.sent).toHaveLength(2));
    expect(FakeSocket.all[0]!.sent.map((b) => b.byteLength)).toEqual([1, 2]);
  });

  it('reconnects after a drop with takeover and a fresh recording', async () => {
    const { p, last, stats } = publisher();
    p.start();
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.drop(1006);
    expect(last()?.status).toBe('reconnecting');
    expect(FakeRecorder.all[0]!.state).toBe('inactive');
    await vi.advanceTimersByTimeAsync(250);
    expect(FakeSocket.all).toHaveLength(2);
    expect(FakeSocket.all[1]!.url).toBe('ws://x/ingest/sessions/s?token=t&takeover=1');
    FakeSocket.all[1]!.open();
    expect(last()).toEqual({ status: 'publishing' });
    expect(FakeRecorder.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stats.at(-1)?.reconnects).toBe(1);
  });

  it('gives up once the grace period is over', async () => {
    const { p, last } = publisher();
    p.start();
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.drop(1006);
    for (let i = 0; i < 20 && last()?.status === 'reconnecting'; i++) {
      await vi.advanceTimersByTimeAsync(2_000);
      FakeSocket.all.at(-1)!.drop(1006);
    }
    expect(last()).toEqual({
      status: 'failed',
      message: 'The connection to the media server was lost.',
    });
    expect(FakeSocket.all.length).toBeLessThan(12);
  });

  it('stops with the reason on a refusal, without retrying', async () => {
    const { p, last } = publisher();
    p.start();
    FakeSocket.all[0]!.drop(4415, 'unsupported');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(last()?.status).toBe('failed');
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('stops on purpose with 1000 after the last slice', async () => {
    const { p, last } = publisher();
    p.start();
    FakeSocket.all[0]!.open();
    await p.stop();
    expect(FakeSocket.all[0]!.closedWith).toBe(1000);
    expect(last()?.status).toBe('stopped');
    expect(p.socket()).toBeNull();
  });
});
