// Presets: an output ladder, a layout and default session settings, reused across sessions.
import { z } from 'zod';
import { paginated } from './common.ts';
import { Id, Timestamp, trimmedText } from './fields.ts';
import { SessionSettings, SessionSettingsPatch } from './session-settings.ts';

/** One rung of the HLS output ladder. */
export const OutputRendition = z
  .strictObject({
    name: trimmedText(1, 50),
    width: z.number().int().min(16).max(7680),
    height: z.number().int().min(16).max(4320),
    video_bitrate_kbps: z.number().int().min(100).max(50_000),
    fps: z.number().int().min(1).max(60),
  })
  .meta({ id: 'OutputRendition' });
export type OutputRendition = z.infer<typeof OutputRendition>;

/** How the studio composites the people on stage into the published picture. */
export const PresetLayout = z
  .enum(['single', 'speaker', 'grid', 'side_by_side'])
  .meta({ id: 'PresetLayout' });
export type PresetLayout = z.infer<typeof PresetLayout>;

/** The ladder a preset gets when none is given: 1080p, 720p and 480p at 30 fps. */
export const DEFAULT_OUTPUT_LADDER: readonly OutputRendition[] = Object.freeze([
  { name: '1080p', width: 1920, height: 1080, video_bitrate_kbps: 4500, fps: 30 },
  { name: '720p', width: 1280, height: 720, video_bitrate_kbps: 2500, fps: 30 },
  { name: '480p', width: 854, height: 480, video_bitrate_kbps: 1000, fps: 30 },
]);

const OutputLadder = z
  .array(OutputRendition)
  .min(1)
  .max(6)
  .refine((outputs) => new Set(outputs.map((output) => output.name)).size === outputs.length, {
    error: 'Output names must be distinct',
  });

const presetFields = {
  name: trimmedText(1, 100),
  outputs: OutputLadder,
  layout: PresetLayout,
  default_settings: SessionSettingsPatch,
};

export const CreatePresetRequest = z
  .strictObject({
    ...presetFields,
    outputs: OutputLadder.default(() => [...DEFAULT_OUTPUT_LADDER]),
    layout: PresetLayout.default('speaker'),
    default_settings: SessionSettingsPatch.default({}),
  })
  .meta({ id: 'CreatePresetRequest' });
export type CreatePresetRequest = z.infer<typeof CreatePresetRequest>;

export const UpdatePresetRequest = z
  .strictObject(presetFields)
  .partial()
  .meta({ id: 'UpdatePresetRequest' });
export type UpdatePresetRequest = z.infer<typeof UpdatePresetRequest>;

/** `default_settings` are resolved: the platform defaults overridden by the preset's own. */
export const PresetResponse = z
  .object({
    id: Id,
    owner_id: Id,
    library_id: Id.optional(),
    name: z.string(),
    outputs: z.array(OutputRendition),
    layout: PresetLayout,
    default_settings: SessionSettings,
    /** Exactly one preset per owner is the default. */
    is_default: z.boolean(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: 'PresetResponse' });
export type PresetResponse = z.infer<typeof PresetResponse>;

export const PresetListResponse = paginated(PresetResponse).meta({ id: 'PresetListResponse' });
export type PresetListResponse = z.infer<typeof PresetListResponse>;
