// Rename a recording (the domain's recording update schema; the server's message on the field).
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { UpdateRecordingRequest, type RecordingResponse } from '@vidinfra/domain';
import { FormError, useFormAction, useSchemaForm } from '@vidinfra/ui';
import { api } from '../api.ts';
import { keys } from './query-keys.ts';

interface Props {
  recording: RecordingResponse;
  opened: boolean;
  onClose: () => void;
}

export function RenameRecordingModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Rename recording">
      {props.opened && <RenameForm {...props} />}
    </Modal>
  );
}

function RenameForm({ recording, onClose }: Props) {
  const queryClient = useQueryClient();
  const form = useSchemaForm(UpdateRecordingRequest, { title: recording.title });
  const { submit, busy, formError } = useFormAction(form, async (values) => {
    await api.recordings.update.mutate({ id: recording.id, ...values });
    await queryClient.invalidateQueries({ queryKey: keys.recordings });
    onClose();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError error={formError} />
        <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
