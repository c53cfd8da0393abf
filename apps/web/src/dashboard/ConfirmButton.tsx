// A button for an action that cannot be undone (delete): it asks first, says what failed (the
// envelope's message) and closes once the action is done.
import { Alert, Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { messageOf } from '@vidinfra/ui';
import type { ReactNode } from 'react';

export function ConfirmButton(props: {
  /** The button's text, e.g. "Delete". */
  label: string;
  /** The button's accessible name when the text alone is ambiguous, e.g. "Delete room Demo". */
  ariaLabel?: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onDone?: () => void;
  buttonProps?: ButtonProps;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const action = useMutation({
    mutationFn: props.onConfirm,
    onSuccess: () => {
      close();
      props.onDone?.();
    },
  });
  return (
    <>
      <Button
        color="red"
        variant="light"
        size="xs"
        aria-label={props.ariaLabel}
        onClick={() => {
          action.reset();
          open();
        }}
        {...props.buttonProps}
      >
        {props.label}
      </Button>
      <Modal opened={opened} onClose={close} title={props.title}>
        <Stack>
          <Text size="sm">{props.children}</Text>
          {action.error && (
            <Alert color="red" role="alert">
              {messageOf(action.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={action.isPending} onClick={() => action.mutate()}>
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
