// Create a room, or edit one: name, description, visibility, checked with the domain's schema;
// the server's messages land on the field they name.
import { Button, Group, Modal, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { CreateRoomRequest, type RoomResponse } from '@vidinfra/domain';
import { FormError, useFormAction, useSchemaForm } from '@vidinfra/ui';
import { api } from '../api.ts';
import { DASHBOARD } from './query-keys.ts';

export function RoomFormModal(props: {
  opened: boolean;
  onClose: () => void;
  /** The room to edit; none to create one. */
  room?: RoomResponse;
  onSaved?: (room: RoomResponse) => void;
}) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.room ? 'Edit room' : 'Create a room'}
    >
      {props.opened && <RoomForm {...props} />}
    </Modal>
  );
}

function RoomForm({ room, onClose, onSaved }: Parameters<typeof RoomFormModal>[0]) {
  const queryClient = useQueryClient();
  const form = useSchemaForm(CreateRoomRequest, {
    name: room?.name ?? '',
    description: room?.description ?? '',
    visibility: room?.visibility ?? 'public',
  });
  const { submit, busy, formError } = useFormAction(form, async (values) => {
    const saved = room
      ? await api.rooms.update.mutate({ id: room.id, ...values })
      : await api.rooms.create.mutate(values);
    await queryClient.invalidateQueries({ queryKey: DASHBOARD });
    onClose();
    onSaved?.(saved);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError error={formError} />
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Radio.Group label="Visibility" {...form.getInputProps('visibility')}>
          <Stack gap="xs" mt="xs">
            <Radio value="public" label="Public: listed on the home page" />
            <Radio value="private" label="Private: only people with the link, signed in" />
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {room ? 'Save room' : 'Create room'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
