// Where each picture goes on the compositor's canvas: pure geometry, no DOM. A layout places
// the camera, the shared screen and the guests as rectangles; each picture is then fitted into
// its rectangle keeping its aspect ratio.

export const LAYOUTS = ['solo', 'side-by-side', 'grid', 'screen-pip'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** The layout picker's accessible names. */
export const LAYOUT_LABELS: Record<Layout, string> = {
  solo: 'Solo',
  'side-by-side': 'Side by side',
  grid: 'Grid',
  'screen-pip': 'Screen + camera',
};

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type InputKind = 'camera' | 'screen' | 'guest';

export interface LayoutInput {
  id: string;
  kind: InputKind;
}

/** A picture to draw: which input, where, and whether it floats over the others (the PiP). */
export interface Tile {
  id: string;
  rect: Rect;
  overlay: boolean;
}

/** Space between tiles and around them, as a share of the canvas height. */
const GAP = 0.015;
/** The picture-in-picture: a quarter of the width, in the bottom-right corner. */
const PIP_WIDTH = 0.25;

const round = (rect: Rect): Rect => ({
  x: Math.round(rect.x),
  y: Math.round(rect.y),
  width: Math.round(rect.width),
  height: Math.round(rect.height),
});

/** `count` equal cells in rows and columns as square as the canvas allows, gaps between. */
export function gridRects(count: number, width: number, height: number): Rect[] {
  if (count <= 0) return [];
  if (count === 1) return [{ x: 0, y: 0, width, height }];
  const gap = Math.round(height * GAP);
  const columns = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / columns);
  const cellWidth = (width - gap * (columns + 1)) / columns;
  const cellHeight = (height - gap * (rows + 1)) / rows;
  const rects: Rect[] = [];
  for (let index = 0; index < count; index++) {
    const row = Math.floor(index / columns);
    // The last row, when not full, is centred.
    const inRow = row === rows - 1 ? count - row * columns : columns;
    const offset = ((columns - inRow) * (cellWidth + gap)) / 2;
    const column = index % columns;
    rects.push(
      round({
        x: gap + offset + column * (cellWidth + gap),
        y: gap + row * (cellHeight + gap),
        width: cellWidth,
        height: cellHeight,
      }),
    );
  }
  return rects;
}

/** `count` cells in one row, each the full height available. */
function rowRects(count: number, width: number, height: number): Rect[] {
  if (count <= 1) return gridRects(count, width, height);
  const gap = Math.round(height * GAP);
  const cellWidth = (width - gap * (count + 1)) / count;
  return Array.from({ length: count }, (_, index) =>
    round({
      x: gap + index * (cellWidth + gap),
      y: gap,
      width: cellWidth,
      height: height - 2 * gap,
    }),
  );
}

function pipRect(width: number, height: number): Rect {
  const margin = Math.round(height * GAP * 2);
  const pipWidth = width * PIP_WIDTH;
  const pipHeight = (pipWidth * 9) / 16;
  return round({
    x: width - pipWidth - margin,
    y: height - pipHeight - margin,
    width: pipWidth,
    height: pipHeight,
  });
}

/**
 * The tiles of a layout, drawn in order (overlays last). `solo` shows the screen when it is
 * shared, else the camera; guests are drawn only where the layout has room for them (not in solo:
 * the host decides). `side-by-side` puts the screen (when shared), the camera and the guests in
 * one row; `grid` is the people — the camera and the guests — in rows and columns (the screen
 * left out); `screen-pip` puts the screen full and the camera small in a corner (without a
 * screen, it is solo).
 */
export function layoutTiles(
  layout: Layout,
  inputs: readonly LayoutInput[],
  width: number,
  height: number,
): Tile[] {
  const screen = inputs.find((input) => input.kind === 'screen');
  const camera = inputs.find((input) => input.kind === 'camera');
  const guests = inputs.filter((input) => input.kind === 'guest');
  const full = (input: LayoutInput | undefined): Tile[] =>
    input ? [{ id: input.id, rect: { x: 0, y: 0, width, height }, overlay: false }] : [];

  switch (layout) {
    case 'solo':
      return full(screen ?? camera ?? guests[0]);
    case 'screen-pip':
      if (!screen) return full(camera ?? guests[0]);
      return [
        ...full(screen),
        ...(camera ? [{ id: camera.id, rect: pipRect(width, height), overlay: true }] : []),
      ];
    case 'side-by-side': {
      const shown = [screen, camera, ...guests].filter((input) => input !== undefined);
      return rowRects(shown.length, width, height).map((rect, index) => ({
        id: shown[index]!.id,
        rect,
        overlay: false,
      }));
    }
    case 'grid': {
      const shown = [camera, ...guests].filter((input) => input !== undefined);
      return gridRects(shown.length, width, height).map((rect, index) => ({
        id: shown[index]!.id,
        rect,
        overlay: false,
      }));
    }
  }
}

/**
 * A picture of `sourceWidth`×`sourceHeight` fitted into `box` keeping its aspect ratio: whole and
 * centred (`contain`, bars around it) or filling the box and cropped (`cover`).
 */
export function fitRect(
  sourceWidth: number,
  sourceHeight: number,
  box: Rect,
  mode: 'contain' | 'cover' = 'contain',
): Rect {
  if (sourceWidth <= 0 || sourceHeight <= 0) return { ...box };
  const scales = [box.width / sourceWidth, box.height / sourceHeight];
  const scale = mode === 'contain' ? Math.min(...scales) : Math.max(...scales);
  const width = sourceWidth * scale;
  const height = sourceHeight * scale;
  return round({
    x: box.x + (box.width - width) / 2,
    y: box.y + (box.height - height) / 2,
    width,
    height,
  });
}
