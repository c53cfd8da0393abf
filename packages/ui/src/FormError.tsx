// The message of a form whose failure names none of its fields.
import { Alert } from '@mantine/core';

export function FormError({ error }: { error: string | null }) {
  return error ? (
    <Alert color="red" role="alert">
      {error}
    </Alert>
  ) : null;
}
