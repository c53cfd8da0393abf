// The compositor's drawing worker: keeps the latest frame of each input and draws the scene on
// its own timer into the OffscreenCanvas whose placeholder the page captures. A worker's timer is
// not tied to the page's animation frames, so a hidden or background tab keeps drawing.
/// <reference lib="webworker" />
import { fitRect, layoutTiles, type Layout, type Rect } from './layout.ts';
import { heldFrames } from './held-frames.ts';
import type { FromWorker, ToWorker, WorkerInput } from './protocol.ts';

type Picture = VideoFrame | ImageBitmap;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let context: OffscreenCanvasRenderingContext2D | null = null;
let timer: ReturnType<typeof setInterval> | null = null;
let inputs: WorkerInput[] = [];
let layout: Layout = 'solo';
let drawn = 0;
const held = heldFrames<Picture>();

const sizeOf = (picture: Picture) =>
  'displayWidth' in picture
    ? { width: picture.displayWidth, height: picture.displayHeight }
    : { width: picture.width, height: picture.height };

function label(g: OffscreenCanvasRenderingContext2D, text: string, rect: Rect) {
  const size = Math.max(12, Math.round(g.canvas.height / 36));
  g.font = `600 ${size}px system-ui, sans-serif`;
  const pad = Math.round(size / 2);
  const maxWidth = rect.width - 4 * pad;
  if (maxWidth <= 0) return;
  const width = Math.min(g.measureText(text).width, maxWidth);
  const x = rect.x + pad;
  const y = rect.y + rect.height - pad - size - pad;
  g.fillStyle = 'rgba(0, 0, 0, 0.6)';
  g.beginPath();
  g.roundRect(x, y, width + 2 * pad, size + pad, pad / 2);
  g.fill();
  g.fillStyle = '#fff';
  g.textBaseline = 'middle';
  g.fillText(text, x + pad, y + (size + pad) / 2, maxWidth);
}

function draw() {
  if (!context) return;
  const g = context;
  const { width, height } = g.canvas;
  g.fillStyle = '#111';
  g.fillRect(0, 0, width, height);
  for (const tile of layoutTiles(layout, inputs, width, height)) {
    const input = inputs.find((candidate) => candidate.id === tile.id)!;
    const picture = held.latest(tile.id);
    g.save();
    g.beginPath();
    g.rect(tile.rect.x, tile.rect.y, tile.rect.width, tile.rect.height);
    g.clip();
    if (tile.overlay || tile.rect.width < width) {
      g.fillStyle = '#000';
      g.fillRect(tile.rect.x, tile.rect.y, tile.rect.width, tile.rect.height);
    }
    if (picture) {
      const size = sizeOf(picture);
      // A screen is shown whole; a person's camera fills its tile (cropped at the edges).
      const fit = fitRect(
        size.width,
        size.height,
        tile.rect,
        input.kind === 'screen' ? 'contain' : 'cover',
      );
      g.drawImage(picture, fit.x, fit.y, fit.width, fit.height);
    }
    g.restore();
    if (tile.overlay) {
      g.strokeStyle = 'rgba(255, 255, 255, 0.85)';
      g.lineWidth = Math.max(2, Math.round(height / 360));
      g.strokeRect(tile.rect.x, tile.rect.y, tile.rect.width, tile.rect.height);
    }
    if (input.label) label(g, input.label, tile.rect);
  }
  drawn++;
  if (drawn % 30 === 1) scope.postMessage({ type: 'drawn', frames: drawn } satisfies FromWorker);
}

/**
 * The page stopped its feeds first and posted this after their last frames: every frame it sent
 * has come (messages arrive in order) and is held or closed; the held ones are closed now.
 */
function stop() {
  if (timer) clearInterval(timer);
  timer = null;
  held.closeAll();
  context = null;
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      context = message.canvas.getContext('2d', { alpha: false });
      timer = setInterval(draw, 1000 / message.fps);
      break;
    case 'scene':
      inputs = message.inputs;
      layout = message.layout;
      held.retain(new Set(inputs.map((input) => input.id)));
      break;
    case 'frame':
      held.receive(
        message.id,
        message.frame,
        inputs.some((input) => input.id === message.id),
      );
      break;
    case 'stop':
      stop();
      scope.postMessage({ type: 'stopped' } satisfies FromWorker);
      scope.close();
      break;
  }
};
