import {
  CreatePresetRequest,
  IdParam,
  PaginationQuery,
  PresetListResponse,
  PresetResponse,
  UpdatePresetRequest,
} from '@vidinfra/domain';
import { z } from 'zod';
import { operation } from '../operation.ts';

const DeleteResponse = z.object({ id: z.uuid(), deleted: z.literal(true) });

export const presetsOps = {
  create: operation({
    name: 'Create a new preset',
    method: 'POST',
    path: '/presets',
    caller: 'host',
    input: CreatePresetRequest,
    output: PresetResponse,
    libraryScoped: true,
    handle: ({ ctx, input }) => ctx.services.presets.create(ctx.actor!, input, ctx.libraryId),
  }),
  mine: operation({
    name: 'List my presets',
    method: 'GET',
    path: '/presets',
    caller: 'host',
    input: PaginationQuery,
    output: PresetListResponse,
    libraryScoped: true,
    handle: ({ ctx, input }) => ctx.services.presets.listMine(ctx.actor!, input, ctx.libraryId),
  }),
  get: operation({
    name: 'Get preset by ID',
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
