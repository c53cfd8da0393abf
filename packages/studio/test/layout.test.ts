import { describe, expect, it } from 'vitest';
import {
  fitRect,
  gridRects,
  layoutTiles,
  type LayoutInput,
  type Rect,
} from '../src/compositor/layout.ts';

const W = 1280;
const H = 720;
const camera: LayoutInput = { id: 'camera', kind: 'camera' };
const screen: LayoutInput = { id: 'screen', kind: 'screen' };
const guest = (n: number): LayoutInput => ({ id: `guest:${n}`, kind: 'guest' });
const FULL: Rect = { x: 0, y: 0, width: W, height: H };

const inside = (rect: Rect) =>
  rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= W && rect.y + rect.height <= H;
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutTiles', () => {
  it('solo: the camera full, or the screen when shared; guests are not drawn', () => {
    expect(layoutTiles('solo', [camera, guest(1)], W, H)).toEqual([
      { id: 'camera', rect: FULL, overlay: false },
    ]);
    expect(layoutTiles('solo', [camera, screen, guest(1)], W, H)).toEqual([
      { id: 'screen', rect: FULL, overlay: false },
    ]);
    expect(layoutTiles('solo', [], W, H)).toEqual([]);
  });

  it('screen-pip: the screen full and the camera small in the bottom-right corner, over it', () => {
    const [full, pip] = layoutTiles('screen-pip', [camera, screen], W, H);
    expect(full).toEqual({ id: 'screen', rect: FULL, overlay: false });
    expect(pip!.id).toBe('camera');
    expect(pip!.overlay).toBe(true);
    expect(pip!.rect.width).toBe(W / 4);
    expect(pip!.rect.width / pip!.rect.height).toBeCloseTo(16 / 9, 1);
    expect(pip!.rect.x + pip!.rect.width).toBeGreaterThan(W * 0.9);
    expect(pip!.rect.y + pip!.rect.height).toBeGreaterThan(H * 0.9);
    expect(inside(pip!.rect)).toBe(true);
  });

  it('screen-pip without a screen is the camera alone', () => {
    expect(layoutTiles('screen-pip', [camera], W, H)).toEqual([
      { id: 'camera', rect: FULL, overlay: false },
    ]);
  });

  it('side-by-side: one row, screen then camera then guests, equal and not overlapping', () => {
    const tiles = layoutTiles('side-by-side', [guest(1), camera, screen], W, H);
    expect(tiles.map((tile) => tile.id)).toEqual(['screen', 'camera', 'guest:1']);
    const [a, b, c] = tiles.map((tile) => tile.rect) as [Rect, Rect, Rect];
    expect(new Set([a.y, b.y, c.y]).size).toBe(1);
    expect(a.x).toBeLessThan(b.x);
    expect(b.x).toBeLessThan(c.x);
    expect(Math.abs(a.width - c.width)).toBeLessThanOrEqual(1);
    for (const rect of [a, b, c]) expect(inside(rect)).toBe(true);
    expect(overlaps(a, b) || overlaps(b, c)).toBe(false);
  });

  it('side-by-side with the camera alone fills the canvas', () => {
    expect(layoutTiles('side-by-side', [camera], W, H)).toEqual([
      { id: 'camera', rect: FULL, overlay: false },
    ]);
  });

  it('grid: the people only, the camera first; a shared screen is left out', () => {
    expect(layoutTiles('grid', [guest(1), screen, camera], W, H).map((tile) => tile.id)).toEqual([
      'camera',
      'guest:1',
    ]);
    expect(layoutTiles('grid', [camera, screen], W, H)).toEqual([
      { id: 'camera', rect: FULL, overlay: false },
    ]);
  });

  it.each([
    [2, 2, 1],
    [3, 2, 2],
    [4, 2, 2],
    [5, 3, 2],
    [9, 3, 3],
    [10, 4, 3],
  ])('grid of %i: %i columns, %i rows, inside and apart', (count, columns, rows) => {
    const inputs = [camera, ...Array.from({ length: count - 1 }, (_, i) => guest(i))];
    const rects = layoutTiles('grid', inputs, W, H).map((tile) => tile.rect);
    expect(rects).toHaveLength(count);
    expect(new Set(rects.map((rect) => rect.y)).size).toBe(rows);
    expect(Math.max(...rects.map((r) => rects.filter((o) => o.y === r.y).length))).toBe(columns);
    for (const [i, rect] of rects.entries()) {
      expect(inside(rect)).toBe(true);
      for (const other of rects.slice(i + 1)) expect(overlaps(rect, other)).toBe(false);
    }
  });

  it('grid centres a last row that is not full', () => {
    const rects = gridRects(3, W, H);
    const last = rects[2]!;
    expect(last.x + last.width / 2).toBeCloseTo(W / 2, -1);
  });
});

describe('fitRect', () => {
  const box: Rect = { x: 100, y: 50, width: 400, height: 400 };

  it('contain: the whole picture, centred, bars on the long side', () => {
    expect(fitRect(1600, 900, box, 'contain')).toEqual({ x: 100, y: 138, width: 400, height: 225 });
    expect(fitRect(900, 1600, box, 'contain')).toEqual({ x: 188, y: 50, width: 225, height: 400 });
  });

  it('cover: fills the box, cropped evenly', () => {
    const rect = fitRect(1600, 900, box, 'cover');
    expect(rect.height).toBe(400);
    expect(rect.width).toBe(711);
    expect(Math.abs(rect.x + rect.width / 2 - 300)).toBeLessThanOrEqual(1);
  });

  it('the same aspect ratio fills the box either way; an unknown size fills it too', () => {
    const wide: Rect = { x: 0, y: 0, width: 640, height: 360 };
    expect(fitRect(1280, 720, wide, 'contain')).toEqual(wide);
    expect(fitRect(1280, 720, wide, 'cover')).toEqual(wide);
    expect(fitRect(0, 0, wide)).toEqual(wide);
  });
});
