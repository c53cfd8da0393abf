// A page for some accounts only: anyone else sees why and what to do, never a blank page. The
// server checks every call anyway; this only keeps people from a page that would refuse them.
import { Alert, Stack } from '@mantine/core';
import { useLocation } from '@tanstack/react-router';
import type { AccountRole } from '@vidinfra/domain';
import { ErrorAlert, Loading } from '@vidinfra/ui';
import type { ReactNode } from 'react';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { useMe } from './use-me.ts';

export function RequireRole(props: {
  roles: AccountRole[];
  /** Who the page is for, as a person reads it: "hosts", "admins". */
  who: string;
  children: ReactNode;
}) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading label="Checking your account" />;
  if (me.error) return <ErrorAlert title="Could not check your account" error={me.error} />;
  if (!me.data)
    return (
      <Stack align="flex-start">
        <Alert title="Sign in to continue" color="blue">
          This page is for signed-in {props.who}.
        </Alert>
        <ButtonLink to="/signin" search={{ redirect: location.href }}>
          Sign in
        </ButtonLink>
      </Stack>
    );
  if (!props.roles.includes(me.data.role))
    return (
      <Stack align="flex-start">
        <Alert title="Not available to your account" color="red" role="alert">
          This page is for {props.who} only. You are signed in as {me.data.display_name} (
          {me.data.role}).
        </Alert>
        <ButtonLink to="/" variant="default">
          Back to the home page
        </ButtonLink>
      </Stack>
    );
  return <>{props.children}</>;
}
