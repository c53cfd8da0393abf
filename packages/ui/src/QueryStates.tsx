// The loading and error states every data-driven part of a page shows.
import { Alert, Center, Loader } from '@mantine/core';
import { apiErrorOf } from '@vidinfra/api-client';

export function Loading({ label }: { label: string }) {
  return (
    <Center py="xl" role="status" aria-label={label}>
      <Loader />
    </Center>
  );
}

/** The envelope's message when the server sent one, never a blank page. */
export const messageOf = (error: unknown) =>
  apiErrorOf(error)?.message ?? 'The server could not be reached. Try again in a moment.';

export function ErrorAlert({ title, error }: { title: string; error: unknown }) {
  return (
    <Alert color="red" title={title} role="alert">
      {messageOf(error)}
    </Alert>
  );
}
