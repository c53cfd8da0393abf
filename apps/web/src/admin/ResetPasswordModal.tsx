// Sets a user's new password (the server ends every login of theirs).
import { Button, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { UpdateUserPasswordRequest, type UserResponse } from '@vidinfra/domain';
import { FormError, useFormAction, useSchemaForm } from '@vidinfra/ui';
import { api } from '../api.ts';

export function ResetPasswordModal(props: {
  user: UserResponse | null;
  onClose(): void;
  onDone(text: string): void;
}) {
  const { user } = props;
  const form = useSchemaForm(UpdateUserPasswordRequest, { password: '' });
  const { submit, busy, formError, clearFormError } = useFormAction(form, async (values) => {
    if (!user) return;
    const { revoked_sessions } = await api.admin.updateUserPassword.mutate({
      id: user.id,
      ...values,
    });
    props.onDone(
      `${user.display_name} has a new password; ${revoked_sessions} login${revoked_sessions === 1 ? '' : 's'} ended.`,
    );
    close();
  });
  const close = () => {
    form.reset();
    clearFormError();
    props.onClose();
  };
  return (
    <Modal opened={user !== null} onClose={close} title="Reset password">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            A new password for {user?.display_name}. They are signed out everywhere and sign in with
            it next time.
          </Text>
          <FormError error={formError} />
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            required
            data-autofocus
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={busy}>
            Set password
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
