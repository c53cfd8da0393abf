import { describe, expect, it } from 'vitest';
import { createScreenSources } from '../src/screen-sources.ts';
import { asElectron, fakeSource } from './fakes.ts';

function sources() {
  const listed = [fakeSource('screen:0:0', 'Entire screen'), fakeSource('window:7:0', 'Slides')];
  return createScreenSources(asElectron({ getSources: async () => listed }));
}

describe('the screen picker', () => {
  it('lists screens and windows with a preview', async () => {
    expect(await sources().list()).toEqual([
      { id: 'screen:0:0', name: 'Entire screen', kind: 'screen', thumbnail: expect.any(String) },
      { id: 'window:7:0', name: 'Slides', kind: 'window', thumbnail: expect.any(String) },
    ]);
  });

  it('hands the chosen source to one capture request', async () => {
    const picker = sources();
    await picker.list();
    expect(picker.choose('window:7:0')).toBe(true);
    expect(picker.take()?.name).toBe('Slides');
    expect(picker.take()).toBeNull();
  });

  it('chooses only among the listed sources', async () => {
    const picker = sources();
    expect(picker.choose('screen:0:0')).toBe(false); // nothing listed yet
    await picker.list();
    expect(picker.choose('window:99:0')).toBe(false);
    expect(picker.take()).toBeNull();
  });
});
