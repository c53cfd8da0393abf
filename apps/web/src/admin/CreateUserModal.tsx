// A new account: email, display name, password and role, checked with the domain's schema; the
// server's refusals (a taken email) land on their field.
import { Alert, Button, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { CreateUserRequest, type UserResponse } from '@vidinfra/domain';
import { showServerErrors, useSchemaForm } from '@vidinfra/ui';
import { useState } from 'react';
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
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    form.reset();
    setFormError(null);
    props.onClose();
  };
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setFormError(null);
    try {
      props.onCreated(await api.admin.createUser.mutate(values));
      close();
    } catch (error) {
      setFormError(showServerErrors(form, error));
    } finally {
      setBusy(false);
    }
  });
  return (
    <Modal opened={props.opened} onClose={close} title="Create a user">
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
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
