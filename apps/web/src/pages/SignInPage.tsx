// Sign in with email and password; afterwards the page the person came from (`?redirect=`),
// or their dashboard.
import { Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { LoginRequest } from '@vidinfra/domain';
import { FormError, useFormAction, useSchemaForm } from '@vidinfra/ui';
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
  const { submit, busy, formError } = useFormAction(form, async (values) => {
    signedIn(await api.auth.login.mutate(values));
    await navigate({ href: safeRedirect(redirect) });
  });

  return (
    <Paper withBorder p="xl" maw={420} mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>Sign in</Title>
          <FormError error={formError} />
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
