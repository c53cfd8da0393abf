// A new poll: the question, 2–10 options (added and removed), single or multiple choice; checked
// with the domain's schema before it goes, the server's answer on the field it names.
import { useApi } from '@vidinfra/ui';
import { ActionIcon, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { CreatePollRequest, MAX_POLL_OPTIONS, MIN_POLL_OPTIONS } from '@vidinfra/domain';
import { FormError, useFormAction, useSchemaForm } from '@vidinfra/ui';

const EMPTY = { question: '', options: ['', ''], multiple_choice: false };

export function CreatePollForm({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const form = useSchemaForm(CreatePollRequest, EMPTY);
  const { submit, busy, formError } = useFormAction(form, async (values) => {
    await api.polls.create.mutate({ id: sessionId, ...values });
    form.setValues({ ...EMPTY, options: ['', ''] });
  });
  const options = form.getValues().options;
  const optionsError = form.errors.options;

  return (
    <form onSubmit={submit} noValidate aria-label="New poll">
      <Stack gap="xs">
        <TextInput
          label="Question"
          placeholder="What should we talk about next?"
          maxLength={300}
          {...form.getInputProps('question')}
        />
        {options.map((_, index) => (
          <Group key={index} gap={6} wrap="nowrap" align="flex-start">
            <TextInput
              aria-label={`Option ${index + 1}`}
              placeholder={`Option ${index + 1}`}
              maxLength={200}
              style={{ flex: 1, minWidth: 0 }}
              {...form.getInputProps(`options.${index}`)}
            />
            {options.length > MIN_POLL_OPTIONS && (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={`Remove option ${index + 1}`}
                onClick={() => form.removeListItem('options', index)}
              >
                <IconX size={16} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        ))}
        {optionsError && (
          <Text size="xs" c="red" role="alert">
            {optionsError}
          </Text>
        )}
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={options.length >= MAX_POLL_OPTIONS}
            onClick={() => form.insertListItem('options', '')}
          >
            Add option
          </Button>
          <Checkbox
            size="xs"
            label="Allow several answers"
            {...form.getInputProps('multiple_choice', { type: 'checkbox' })}
          />
        </Group>
        <FormError error={formError} />
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={busy}>
            Open poll
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
