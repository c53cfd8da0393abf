// Forms check what they can with the domain's own schemas before sending, and put the server's
// answer on the field it names (the envelope's details); what names no field is the form's.
import { useForm } from '@mantine/form';
import { apiErrorOf } from '@vidinfra/api-client';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState, type SyntheticEvent } from 'react';
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

/**
 * A form's submit handler that runs `action` with the checked values: busy while it runs, and a
 * failure shown on the fields it names or, when it names none of them, as `formError`.
 */
export function useFormAction<Values>(
  form: {
    getValues(): object;
    setFieldError(path: string, error: string): void;
    onSubmit(
      handler: (values: Values) => Promise<void>,
    ): (event?: SyntheticEvent<HTMLFormElement>) => void;
  },
  action: (values: Values) => Promise<void>,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setFormError(null);
    try {
      await action(values);
    } catch (error) {
      setFormError(showServerErrors(form, error));
    } finally {
      setBusy(false);
    }
  });
  return { submit, busy, formError, clearFormError: () => setFormError(null) };
}
