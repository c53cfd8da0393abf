import {
  DEFAULT_OUTPUT_LADDER,
  DomainError,
  OutputRendition,
  resolveSessionSettings,
  type CreatePresetRequest,
  type PaginationQuery,
  type PresetLayout,
  type PresetListResponse,
  type PresetResponse,
  type SessionSettingsPatch,
  type UpdatePresetRequest,
} from '@vidinfra/domain';
import type { Preset } from '@vidinfra/db';
import { z } from 'zod';
import type { Actor } from './actor.ts';
import type { Deps } from './deps.ts';
import { iso, orUndefined } from './mappers.ts';

/** How a preset's output ladder is kept in its `output` column. */
const StoredOutput = z.object({ renditions: z.array(OutputRendition).min(1) });

const storedOutput = (renditions: OutputRendition[]) => ({ renditions });

/** The preset's output ladder; the default ladder when the stored one is unreadable. */
export const presetOutputs = (preset: Preset): OutputRendition[] => {
  const stored = StoredOutput.safeParse(preset.output);
  return stored.success ? stored.data.renditions : [...DEFAULT_OUTPUT_LADDER];
};

export const toPresetResponse = (preset: Preset): PresetResponse => ({
  id: preset.id,
  owner_id: preset.ownerId,
  library_id: orUndefined(preset.libraryId),
  name: preset.name,
  outputs: presetOutputs(preset),
  layout: preset.layout as PresetLayout,
  default_settings: resolveSessionSettings(preset.defaultSettings as SessionSettingsPatch),
  is_default: preset.isDefault,
  created_at: iso(preset.createdAt),
  updated_at: iso(preset.updatedAt ?? preset.createdAt),
});

const notFound = () => new DomainError('NOT_FOUND', 'preset not found');

export const presetsService = ({ db }: Deps) => {
  const load = async (id: string): Promise<Preset> => {
    const preset = await db.repos.presets.findById(id);
    if (!preset) throw notFound();
    return preset;
  };
  const found = (preset: Preset | null): PresetResponse => {
    if (!preset) throw notFound();
    return toPresetResponse(preset);
  };

  return {
    /** Owned by the caller; in a library scope it belongs to that library. */
    async create(
      libraryId: string | null,
      actor: Actor,
      input: CreatePresetRequest,
    ): Promise<PresetResponse> {
      const preset = await db.repos.presets.create({
        ownerId: actor.id,
        libraryId,
        name: input.name,
        output: storedOutput(input.outputs),
        layout: input.layout,
        defaultSettings: input.default_settings,
      });
      return toPresetResponse(preset);
    },

    /** The caller's presets; only the scope's library ones in a library scope. */
    async listMine(
      libraryId: string | null,
      actor: Actor,
      query: PaginationQuery,
    ): Promise<PresetListResponse> {
      const page = await db.repos.presets.pageByOwner(actor.id, {
        ...query,
        libraryId: libraryId ?? undefined,
      });
      return { ...page, items: page.items.map(toPresetResponse) };
    },

    async get(id: string): Promise<PresetResponse> {
      return toPresetResponse(await load(id));
    },

    /** `default_settings` sent are merged over the preset's own; other fields are replaced. */
    async update(id: string, patch: UpdatePresetRequest): Promise<PresetResponse> {
      const current = await load(id);
      const updated = await db.repos.presets.update(id, {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.outputs && { output: storedOutput(patch.outputs) }),
        ...(patch.layout && { layout: patch.layout }),
        ...(patch.default_settings && {
          defaultSettings: { ...current.defaultSettings, ...patch.default_settings },
        }),
      });
      return found(updated);
    },

    /** Sessions created from it keep their settings (their preset reference is cleared). */
    async delete(id: string): Promise<{ id: string; deleted: true }> {
      if (!(await db.repos.presets.delete(id))) throw notFound();
      return { id, deleted: true };
    },

    /** Makes it the owner's one default preset. */
    async setDefault(id: string): Promise<PresetResponse> {
      return found(await db.repos.presets.setDefault(id));
    },
  };
};
