// Schedule a session in a room: title, description, start time and an optional preset, checked
// with the domain's schema; the server's messages (a time in the past) land on their field.
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CreateSessionRequest, type SessionResponse } from '@vidinfra/domain';
import { FormError, useFormAction, useSchemaForm } from '@vidinfra/ui';
import { api } from '../api.ts';
import { nextFullHour } from './local-time.ts';
import { DASHBOARD, keys } from './query-keys.ts';
import { WhenInput } from './WhenInput.tsx';

interface Props {
  roomId: string;
  opened: boolean;
  onClose: () => void;
  onSaved?: (session: SessionResponse) => void;
}

export function SessionFormModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Schedule a session">
      {props.opened && <SessionForm {...props} />}
    </Modal>
  );
}

function SessionForm({ roomId, onClose, onSaved }: Props) {
  const queryClient = useQueryClient();
  const presets = useQuery({
    queryKey: keys.presets,
    queryFn: () => api.presets.mine.query({ page: 1, limit: 100 }),
  });
  const form = useSchemaForm(CreateSessionRequest, {
    title: '',
    description: '',
    scheduled_at: nextFullHour(),
  });
  const { submit, busy, formError } = useFormAction(form, async (values) => {
    const session = await api.sessions.create.mutate({ id: roomId, ...values });
    await queryClient.invalidateQueries({ queryKey: DASHBOARD });
    onClose();
    onSaved?.(session);
  });

  const when = form.getInputProps('scheduled_at');
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError error={formError} />
        <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <WhenInput
          label="Starts at"
          description="Your local time"
          value={form.getValues().scheduled_at}
          onChange={(iso) => form.setFieldValue('scheduled_at', iso)}
          error={when.error as string | undefined}
        />
        <Select
          label="Preset"
          description={presets.error ? 'Presets could not be loaded' : 'Its settings apply'}
          placeholder="Your default preset"
          clearable
          data={(presets.data?.items ?? []).map((preset) => ({
            value: preset.id,
            label: preset.is_default ? `${preset.name} (default)` : preset.name,
          }))}
          value={form.getValues().preset_id ?? null}
          onChange={(value) => form.setFieldValue('preset_id', value ?? undefined)}
          error={form.errors.preset_id}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Schedule session
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
