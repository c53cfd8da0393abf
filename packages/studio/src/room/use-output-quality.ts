// The published picture's quality from the session's preset (its ladder's top rung); 720p30 when
// the session has no preset or it cannot be read (a co-host who does not own it); null while the
// preset loads (the compositor waits: its picture's size is fixed once made).
import { useApi } from '@vidinfra/ui';
import { useQuery } from '@tanstack/react-query';
import {
  DEFAULT_OUTPUT_QUALITY,
  outputQuality,
  type OutputQuality,
} from '../compositor/quality.ts';

export function useOutputQuality(presetId: string | undefined): OutputQuality | null {
  const api = useApi();
  const preset = useQuery({
    queryKey: ['studio', 'preset', presetId],
    queryFn: () => api.presets.get.query({ id: presetId! }),
    enabled: presetId !== undefined,
    retry: false,
    staleTime: Infinity,
  });
  if (presetId !== undefined && preset.isPending) return null;
  return preset.data ? outputQuality(preset.data.outputs) : DEFAULT_OUTPUT_QUALITY;
}
