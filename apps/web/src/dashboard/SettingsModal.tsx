// A session's settings (chat, slow mode, polls, hands, join requests, stage size, latency, auto
// record), checked with the domain's schema; the server's messages land on their field.
import {
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { UpdateSessionSettingsRequest, type SessionResponse } from '@vidinfra/domain';
import { FormError, useFormAction, useSchemaForm } from '@vidinfra/ui';
import { api } from '../api.ts';
import { DASHBOARD } from './query-keys.ts';

interface Props {
  session: SessionResponse;
  opened: boolean;
  onClose: () => void;
}

export function SettingsModal(props: Props) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={`Settings of “${props.session.title}”`}
    >
      {props.opened && <SettingsForm {...props} />}
    </Modal>
  );
}

const SWITCHES = [
  ['chat_enabled', 'Chat'],
  ['polls_enabled', 'Polls'],
  ['hand_raise_enabled', 'Raise hand'],
  ['join_requests_enabled', 'Join requests'],
  ['auto_record', 'Record automatically when live'],
] as const;

function SettingsForm({ session, onClose }: Props) {
  const queryClient = useQueryClient();
  const form = useSchemaForm(UpdateSessionSettingsRequest, { ...session.settings });
  const { submit, busy, formError } = useFormAction(form, async (values) => {
    await api.sessions.settings.mutate({ id: session.id, ...values });
    await queryClient.invalidateQueries({ queryKey: DASHBOARD });
    onClose();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError error={formError} />
        {SWITCHES.map(([field, label]) => (
          <Switch key={field} label={label} {...form.getInputProps(field, { type: 'checkbox' })} />
        ))}
        <NumberInput
          label="Slow mode (seconds between messages, 0 = off)"
          min={0}
          max={3600}
          allowDecimal={false}
          clampBehavior="none"
          {...form.getInputProps('slow_mode_seconds')}
        />
        <NumberInput
          label="People on stage at once"
          min={1}
          max={50}
          allowDecimal={false}
          clampBehavior="none"
          {...form.getInputProps('max_stage_size')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="latency-label">
            Latency
          </Text>
          <SegmentedControl
            aria-labelledby="latency-label"
            data={[
              { value: 'standard', label: 'Standard' },
              { value: 'low', label: 'Low' },
            ]}
            {...form.getInputProps('latency_mode')}
          />
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
