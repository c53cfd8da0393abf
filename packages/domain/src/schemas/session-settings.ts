// Runtime settings of a session: defaults, partial updates, and how presets/requests combine.
import { z } from 'zod';

export const LatencyMode = z.enum(['standard', 'low']).meta({ id: 'LatencyMode' });
export type LatencyMode = z.infer<typeof LatencyMode>;

const settingsFields = {
  chat_enabled: z.boolean(),
  /** Minimum seconds between two chat messages of one viewer; 0 = off. */
  slow_mode_seconds: z.number().int().min(0).max(3600),
  polls_enabled: z.boolean(),
  hand_raise_enabled: z.boolean(),
  join_requests_enabled: z.boolean(),
  /** Publishers allowed on stage at once, hosts included. */
  max_stage_size: z.number().int().min(1).max(50),
  latency_mode: LatencyMode,
  /** Start a recording automatically when the session goes live. */
  auto_record: z.boolean(),
};

/** The full, resolved settings a session runs with. */
export const SessionSettings = z.object(settingsFields).meta({ id: 'SessionSettings' });
export type SessionSettings = z.infer<typeof SessionSettings>;

/** Some settings: what a preset or a create request overrides. */
export const SessionSettingsPatch = z
  .strictObject(settingsFields)
  .partial()
  .meta({ id: 'SessionSettingsPatch' });
export type SessionSettingsPatch = z.infer<typeof SessionSettingsPatch>;

export const UpdateSessionSettingsRequest = z
  .strictObject(settingsFields)
  .partial()
  .meta({ id: 'UpdateSessionSettingsRequest' });
export type UpdateSessionSettingsRequest = z.infer<typeof UpdateSessionSettingsRequest>;

export const DEFAULT_SESSION_SETTINGS: Readonly<SessionSettings> = Object.freeze({
  chat_enabled: true,
  slow_mode_seconds: 0,
  polls_enabled: true,
  hand_raise_enabled: true,
  join_requests_enabled: true,
  max_stage_size: 6,
  latency_mode: 'standard',
  auto_record: false,
});

/**
 * Settings from the defaults overridden by each patch in turn (later wins), e.g.
 * `resolveSessionSettings(preset.default_settings, request.settings)`. Undefined values are skipped.
 */
export function resolveSessionSettings(
  ...patches: ReadonlyArray<SessionSettingsPatch | undefined>
): SessionSettings {
  const settings: Record<string, unknown> = { ...DEFAULT_SESSION_SETTINGS };
  for (const patch of patches) {
    if (!patch) continue;
    for (const key in patch) {
      const value = patch[key as keyof SessionSettingsPatch];
      if (value !== undefined) settings[key] = value;
    }
  }
  return settings as SessionSettings;
}
