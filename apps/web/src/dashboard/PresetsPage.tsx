// The host's presets: what new sessions start with (layout, output ladder, settings). Create
// one by name and layout, make one the default, delete one.
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CreatePresetRequest, type PresetLayout, type PresetResponse } from '@vidinfra/domain';
import {
  EmptyState,
  ErrorAlert,
  FormError,
  Loading,
  messageOf,
  useFormAction,
  useSchemaForm,
} from '@vidinfra/ui';
import { api } from '../api.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { keys } from './query-keys.ts';

const LAYOUTS: Array<{ value: PresetLayout; label: string }> = [
  { value: 'speaker', label: 'Speaker' },
  { value: 'grid', label: 'Grid' },
  { value: 'side_by_side', label: 'Side by side' },
  { value: 'single', label: 'Single' },
];
const layoutLabel = (layout: PresetLayout) => LAYOUTS.find((l) => l.value === layout)?.label;

function CreatePresetForm() {
  const queryClient = useQueryClient();
  const form = useSchemaForm(CreatePresetRequest, { name: '', layout: 'speaker' });
  const { submit, busy, formError } = useFormAction(form, async (values) => {
    await api.presets.create.mutate(values);
    form.reset();
    await queryClient.invalidateQueries({ queryKey: keys.presets });
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-preset-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="new-preset-heading">
            New preset
          </Title>
          <FormError error={formError} />
          <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput label="Name" required miw={200} {...form.getInputProps('name')} />
            <Select
              label="Layout"
              data={LAYOUTS}
              allowDeselect={false}
              miw={160}
              {...form.getInputProps('layout')}
            />
          </Group>
          <Group>
            <Button type="submit" loading={busy}>
              Create preset
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function PresetRow({ preset }: { preset: PresetResponse }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.presets });
  const makeDefault = useMutation({
    mutationFn: () => api.presets.setDefault.mutate({ id: preset.id }),
    onSuccess: refresh,
  });
  const ladder = preset.outputs.map((output) => output.name).join(', ');
  return (
    <Paper withBorder p="sm" component="li">
      <Group justify="space-between" gap="xs" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Group gap="xs">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {preset.name}
            </Text>
            {preset.is_default && <Badge>Default</Badge>}
          </Group>
          <Text size="xs" c="dimmed">
            {layoutLabel(preset.layout)} layout · {ladder} · chat{' '}
            {preset.default_settings.chat_enabled ? 'on' : 'off'} · latency{' '}
            {preset.default_settings.latency_mode}
          </Text>
        </Stack>
        <Group gap="xs">
          {!preset.is_default && (
            <Button
              size="xs"
              variant="default"
              loading={makeDefault.isPending}
              onClick={() => makeDefault.mutate()}
              aria-label={`Make ${preset.name} the default`}
            >
              Make default
            </Button>
          )}
          <ConfirmButton
            label="Delete"
            ariaLabel={`Delete preset ${preset.name}`}
            title="Delete this preset?"
            confirmLabel="Delete preset"
            onConfirm={() => api.presets.delete.mutate({ id: preset.id })}
            onDone={() => void refresh()}
          >
            “{preset.name}” will be deleted; sessions made with it keep their settings.
          </ConfirmButton>
        </Group>
      </Group>
      {makeDefault.error && (
        <Alert color="red" role="alert" mt="xs">
          {messageOf(makeDefault.error)}
        </Alert>
      )}
    </Paper>
  );
}

export function PresetsPage() {
  const presets = useQuery({
    queryKey: keys.presets,
    queryFn: () => api.presets.mine.query({ page: 1, limit: 100 }),
  });
  return (
    <Stack gap="md">
      <Title order={2}>Presets</Title>
      {presets.isPending ? (
        <Loading label="Loading your presets" />
      ) : presets.error ? (
        <ErrorAlert title="Could not load your presets" error={presets.error} />
      ) : presets.data.items.length === 0 ? (
        <EmptyState title="No presets yet">
          A preset keeps a layout and settings for new sessions; create one below.
        </EmptyState>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {presets.data.items.map((preset) => (
            <PresetRow key={preset.id} preset={preset} />
          ))}
        </Stack>
      )}
      <CreatePresetForm />
    </Stack>
  );
}
