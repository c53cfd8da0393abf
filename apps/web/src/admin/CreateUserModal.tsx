// A new account: email, display name, password and role, checked with the domain's schema; the
// server's refusals (a taken email) land on their field.
import { Button, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { CreateUserRequest, type UserResponse } from '@vidinfra/domain';
import { FormError, useFormAction, useSchemaForm } from '@vidinfra/ui';
import { api } from '../api.ts';
import { ROLE_OPTIONS } from './role-labels.ts';

export function CreateUserModal(props: {
  opened: boolean;
  onClose(): void;
  onCreated(user: UserResponse): void;
}) {
  const form = useSchemaForm(CreateUserRequest, {
    email: '',
    display_name: '',
    password: '',
    role: 'host',
  });
  const { submit, busy, formError, clearFormError } = useFormAction(form, async (values) => {
    props.onCreated(await api.admin.createUser.mutate(values));
    close();
  });
  const close = () => {
    form.reset();
    clearFormError();
    props.onClose();
  };
  return (
    <Modal opened={props.opened} onClose={close} title="Create a user">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError error={formError} />
          <TextInput label="Email" type="email" required {...form.getInputProps('email')} />
          <TextInput label="Display name" required {...form.getInputProps('display_name')} />
          <PasswordInput
            label="Password"
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
          <Button type="submit" loading={busy}>
            Create user
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
