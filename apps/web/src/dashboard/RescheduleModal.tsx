// Move a scheduled session to another time (the domain's reschedule schema; the server says why
// not, e.g. a time in the past or a session that already started).
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { RescheduleSessionRequest, type SessionResponse } from '@vidinfra/domain';
import { FormError, useFormAction, useSchemaForm } from '@vidinfra/ui';
import { api } from '../api.ts';
import { DASHBOARD } from './query-keys.ts';
import { WhenInput } from './WhenInput.tsx';

interface Props {
  session: SessionResponse;
  opened: boolean;
  onClose: () => void;
}

export function RescheduleModal(props: Props) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={`Reschedule “${props.session.title}”`}
    >
      {props.opened && <RescheduleForm {...props} />}
    </Modal>
  );
}

function RescheduleForm({ session, onClose }: Props) {
  const queryClient = useQueryClient();
  const form = useSchemaForm(RescheduleSessionRequest, { scheduled_at: session.scheduled_at });
  const { submit, busy, formError } = useFormAction(form, async (values) => {
    await api.sessions.reschedule.mutate({ id: session.id, ...values });
    await queryClient.invalidateQueries({ queryKey: DASHBOARD });
    onClose();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError error={formError} />
        <WhenInput
          label="Starts at"
          description="Your local time"
          value={form.getValues().scheduled_at}
          onChange={(iso) => form.setFieldValue('scheduled_at', iso)}
          error={form.errors.scheduled_at}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Reschedule
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
