// Rename a recording (the domain's recording update schema; the server's message on the field).
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { UpdateRecordingRequest, type RecordingResponse } from '@vidinfra/domain';
import { showServerErrors, useSchemaForm } from '@vidinfra/ui';
import { useState } from 'react';
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
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setFormError(null);
    try {
      await api.recordings.update.mutate({ id: recording.id, ...values });
      await queryClient.invalidateQueries({ queryKey: keys.recordings });
      onClose();
    } catch (error) {
      setFormError(showServerErrors(form, error));
    } finally {
      setBusy(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
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
