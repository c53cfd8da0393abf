import {
  CreatePresetRequest,
  IdParam,
  PaginationQuery,
  PresetListResponse,
  PresetResponse,
  UpdatePresetRequest,
  DeleteResponse,
} from '@vidinfra/domain';
import { z } from 'zod';
import { operation } from '../operation.ts';

export const presetsOps = {
  create: operation({
    name: 'Create a new preset',
    description:
      'Hosts (and admins). Output resolution/bitrate ladder, layout and default session settings; owned by the caller, and by the library when created under one.',
    method: 'POST',
    path: '/presets',
    caller: 'host',
    input: CreatePresetRequest,
    output: PresetResponse,
    libraryScoped: true,
    handle: ({ ctx, input }) => ctx.services.presets.create(ctx.libraryId, ctx.actor, input),
  }),
  mine: operation({
    name: 'List my presets',
    description:
      "Hosts (and admins). The caller's presets (only the library's under a library); paginated with `page` and `limit`.",
    method: 'GET',
    path: '/presets',
    caller: 'host',
    input: PaginationQuery,
    output: PresetListResponse,
    libraryScoped: true,
    handle: ({ ctx, input }) => ctx.services.presets.listMine(ctx.libraryId, ctx.actor, input),
  }),
  get: operation({
    name: 'Get preset by ID',
    description: "The preset's owner.",
    method: 'GET',
    path: '/presets/{id}',
    caller: 'owner',
    resource: 'preset',
    input: IdParam,
    output: PresetResponse,
    libraryScoped: true,
    handle: ({ ctx, input }) => ctx.services.presets.get(input.id),
  }),
  update: operation({
    name: 'Update a preset',
    description:
      "The preset's owner. Fields sent are replaced, except `default_settings`, which are merged over the preset's own.",
    method: 'PATCH',
    path: '/presets/{id}',
    caller: 'owner',
    resource: 'preset',
    input: UpdatePresetRequest.extend({ id: z.uuid() }),
    output: PresetResponse,
    libraryScoped: true,
    handle: ({ ctx, input: { id, ...patch } }) => ctx.services.presets.update(id, patch),
  }),
  delete: operation({
    name: 'Delete a preset',
    description: "The preset's owner. Sessions created from it keep their settings.",
    method: 'DELETE',
    path: '/presets/{id}',
    caller: 'owner',
    resource: 'preset',
    input: IdParam,
    output: DeleteResponse,
    libraryScoped: true,
    handle: ({ ctx, input }) => ctx.services.presets.delete(input.id),
  }),
  setDefault: operation({
    name: 'Set preset as default',
    description:
      "The preset's owner. Makes it the owner's one default preset (exactly one per owner). Idempotent.",
    method: 'POST',
    path: '/presets/{id}/default',
    caller: 'owner',
    resource: 'preset',
    input: IdParam,
    output: PresetResponse,
    libraryScoped: true,
    handle: ({ ctx, input }) => ctx.services.presets.setDefault(input.id),
  }),
};
