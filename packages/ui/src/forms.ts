// Forms check what they can with the domain's own schemas before sending, and put the server's
// answer on the field it names (the envelope's details); what names no field is the form's.
import { useForm } from '@mantine/form';
import { apiErrorOf } from '@vidinfra/api-client';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import type { z } from 'zod';
import { messageOf } from './QueryStates.tsx';

export function useSchemaForm<
  Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>,
>(schema: Schema, initialValues: z.input<Schema>) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    initialValues,
    validate: zod4Resolver(schema),
    transformValues: (values): z.output<Schema> => schema.parse(values),
  });
}

/**
 * Shows a failed call's message on the fields its details name; returns the message for the
 * form as a whole when none of them is one of this form's fields.
 */
export function showServerErrors(
  form: { getValues(): object; setFieldError(path: string, error: string): void },
  error: unknown,
): string | null {
  const details = apiErrorOf(error)?.details ?? [];
  const onFields = details.filter((d) => d.field !== undefined && d.field in form.getValues());
  for (const detail of onFields) form.setFieldError(detail.field ?? '', detail.message);
  return onFields.length ? null : messageOf(error);
}
