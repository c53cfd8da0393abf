// Sign in with email and password; afterwards the page the person came from (`?redirect=`),
// or their dashboard.
import { Alert, Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { LoginRequest } from '@vidinfra/domain';
import { showServerErrors, useSchemaForm } from '@vidinfra/ui';
import { useState } from 'react';
import { api } from '../api.ts';
import { useSignIn } from '../auth/use-me.ts';

/** Only a path of this app: never send a signed-in person to another origin. */
const safeRedirect = (target: string | undefined) =>
  target?.startsWith('/') && !target.startsWith('//') ? target : '/dashboard';

export function SignInPage() {
  const { redirect } = useSearch({ from: '/signin' });
  const navigate = useNavigate();
  const { signedIn } = useSignIn();
  const form = useSchemaForm(LoginRequest, { email: '', password: '' });
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setFormError(null);
    try {
      signedIn(await api.auth.login.mutate(values));
      await navigate({ href: safeRedirect(redirect) });
    } catch (error) {
      setFormError(showServerErrors(form, error));
    } finally {
      setBusy(false);
    }
  });

  return (
    <Paper withBorder p="xl" maw={420} mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>Sign in</Title>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={busy}>
            Sign in
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
