import { describe, expect, it } from 'vitest';
import { AT, parses, rejectsAt, uuid } from '../testing/fixtures.ts';
import {
  CreatePresetRequest,
  DEFAULT_OUTPUT_LADDER,
  PresetResponse,
  UpdatePresetRequest,
} from './presets.ts';
import { DEFAULT_SESSION_SETTINGS } from './session-settings.ts';

const rung = { name: '720p', width: 1280, height: 720, video_bitrate_kbps: 2500, fps: 30 };

describe('CreatePresetRequest', () => {
  it('fills in a default ladder, layout and settings', () => {
    expect(parses(CreatePresetRequest, { name: 'Webinar' })).toEqual({
      name: 'Webinar',
      outputs: DEFAULT_OUTPUT_LADDER,
      layout: 'speaker',
      default_settings: {},
    });
  });

  it('takes a custom ladder and default session settings', () => {
    const input = {
      name: 'Panel',
      outputs: [rung],
      layout: 'grid',
      default_settings: { max_stage_size: 8, auto_record: true },
    };
    expect(parses(CreatePresetRequest, input)).toEqual(input);
  });

  it.each([
    [{ outputs: [] }, ['outputs']],
    [{ outputs: [rung, rung] }, ['outputs']],
    [{ outputs: [{ ...rung, fps: 120 }] }, ['outputs', 0, 'fps']],
    [{ outputs: [{ ...rung, width: 1280.5 }] }, ['outputs', 0, 'width']],
    [{ outputs: [{ ...rung, video_bitrate_kbps: 10 }] }, ['outputs', 0, 'video_bitrate_kbps']],
    [{ outputs: [{ ...rung, codec: 'av1' }] }, ['outputs', 0]],
    [{ layout: 'mosaic' }, ['layout']],
    [{ default_settings: { max_stage_size: 0 } }, ['default_settings', 'max_stage_size']],
    [{ name: '' }, ['name']],
  ])('rejects %j', (override, path) =>
    rejectsAt(CreatePresetRequest, { name: 'Webinar', ...override }, path),
  );
});

describe('UpdatePresetRequest', () => {
  it('changes only what is sent', () => {
    expect(parses(UpdatePresetRequest, { layout: 'single' })).toEqual({ layout: 'single' });
    rejectsAt(UpdatePresetRequest, { is_default: true }, []);
  });
});

describe('PresetResponse', () => {
  it('carries the ladder, layout, resolved settings and the default flag', () => {
    const preset = {
      id: uuid(),
      owner_id: uuid(),
      name: 'Webinar',
      outputs: [...DEFAULT_OUTPUT_LADDER],
      layout: 'speaker',
      default_settings: DEFAULT_SESSION_SETTINGS,
      is_default: true,
      created_at: AT,
      updated_at: AT,
    };
    expect(parses(PresetResponse, preset)).toEqual(preset);
    rejectsAt(PresetResponse, { ...preset, default_settings: {} }, [
      'default_settings',
      'chat_enabled',
    ]);
  });
});
