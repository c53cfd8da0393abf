import { describe, expect, it } from 'vitest';
import { parses, rejectsAt } from '../testing/fixtures.ts';
import {
  DEFAULT_SESSION_SETTINGS,
  SessionSettings,
  SessionSettingsPatch,
  UpdateSessionSettingsRequest,
  resolveSessionSettings,
} from './session-settings.ts';

describe('UpdateSessionSettingsRequest', () => {
  it('takes any subset of the settings', () => {
    expect(parses(UpdateSessionSettingsRequest, {})).toEqual({});
    expect(
      parses(UpdateSessionSettingsRequest, { chat_enabled: false, latency_mode: 'low' }),
    ).toEqual({ chat_enabled: false, latency_mode: 'low' });
  });

  it.each([
    [{ slow_mode_seconds: -1 }, 'slow_mode_seconds'],
    [{ slow_mode_seconds: 3601 }, 'slow_mode_seconds'],
    [{ slow_mode_seconds: 2.5 }, 'slow_mode_seconds'],
    [{ max_stage_size: 0 }, 'max_stage_size'],
    [{ max_stage_size: 51 }, 'max_stage_size'],
    [{ latency_mode: 'ultra' }, 'latency_mode'],
    [{ chat_enabled: 'yes' }, 'chat_enabled'],
  ])('rejects %j', (input, field) => rejectsAt(UpdateSessionSettingsRequest, input, [field]));

  it('rejects unknown settings', () => {
    rejectsAt(UpdateSessionSettingsRequest, { reactions_enabled: true }, []);
    rejectsAt(SessionSettingsPatch, { reactions_enabled: true }, []);
  });
});

describe('resolveSessionSettings', () => {
  it('starts from the defaults (stage of 6, standard latency)', () => {
    expect(resolveSessionSettings()).toEqual(DEFAULT_SESSION_SETTINGS);
    expect(DEFAULT_SESSION_SETTINGS).toMatchObject({ max_stage_size: 6, latency_mode: 'standard' });
    expect(SessionSettings.safeParse(DEFAULT_SESSION_SETTINGS).success).toBe(true);
  });

  it('applies patches in order, later wins, undefined skipped', () => {
    const preset = { max_stage_size: 10, chat_enabled: false };
    const request = { chat_enabled: true, slow_mode_seconds: 30, polls_enabled: undefined };
    expect(resolveSessionSettings(preset, undefined, request)).toEqual({
      ...DEFAULT_SESSION_SETTINGS,
      max_stage_size: 10,
      chat_enabled: true,
      slow_mode_seconds: 30,
    });
  });

  it('returns a new object each time', () => {
    expect(resolveSessionSettings()).not.toBe(resolveSessionSettings());
  });
});
