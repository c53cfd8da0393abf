import { describe, expect, it } from 'vitest';
import { heldFrames } from '../src/compositor/held-frames.ts';

/** A frame that counts its closes. */
const frame = (name: string) => {
  const made = { name, closes: 0, close: () => void made.closes++ };
  return made;
};

describe('the frames the drawing worker holds', () => {
  it('keeps the latest frame of an input and closes the one it replaces', () => {
    const held = heldFrames<ReturnType<typeof frame>>();
    const first = frame('first');
    const second = frame('second');
    held.receive('camera', first, true);
    held.receive('camera', second, true);
    expect(held.latest('camera')).toBe(second);
    expect([first.closes, second.closes]).toEqual([1, 0]);
  });

  it('closes at once a frame of an input not in the scene', () => {
    const held = heldFrames<ReturnType<typeof frame>>();
    const stray = frame('stray');
    held.receive('guest:1', stray, false);
    expect(held.latest('guest:1')).toBeUndefined();
    expect(stray.closes).toBe(1);
  });

  it('closes the frames of inputs that left the scene, keeps the others', () => {
    const held = heldFrames<ReturnType<typeof frame>>();
    const camera = frame('camera');
    const screen = frame('screen');
    held.receive('camera', camera, true);
    held.receive('screen', screen, true);
    held.retain(new Set(['camera']));
    expect(held.latest('screen')).toBeUndefined();
    expect(held.latest('camera')).toBe(camera);
    expect([camera.closes, screen.closes]).toEqual([0, 1]);
  });

  it('on stop closes every frame once, and each frame that comes after', () => {
    const held = heldFrames<ReturnType<typeof frame>>();
    const camera = frame('camera');
    held.receive('camera', camera, true);
    held.closeAll();
    held.closeAll();
    const late = frame('late');
    held.receive('camera', late, true);
    expect(held.latest('camera')).toBeUndefined();
    expect([camera.closes, late.closes]).toEqual([1, 1]);
  });
});
