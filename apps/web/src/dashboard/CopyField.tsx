// A value to share (a URL, an embed snippet) with a button that copies it and says so.
import { Button, CopyButton, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

export function CopyField(props: {
  label: string;
  /** What the copy button names, e.g. "viewer URL" (its text: "Copy viewer URL"). */
  what: string;
  value: string;
  multiline?: boolean;
}) {
  const { label, what, value, multiline } = props;
  const field = multiline ? (
    <Textarea label={label} value={value} readOnly autosize minRows={2} maxRows={5} />
  ) : (
    <TextInput label={label} value={value} readOnly />
  );
  return (
    <Stack gap={4}>
      {field}
      <CopyButton value={value} timeout={3000}>
        {({ copied, copy }) => (
          <Group gap="xs">
            <Button
              size="xs"
              variant={copied ? 'filled' : 'light'}
              color={copied ? 'teal' : undefined}
              leftSection={
                copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
              }
              onClick={copy}
            >
              {`Copy ${what}`}
            </Button>
            <Text size="sm" c="teal" role="status" aria-live="polite">
              {copied ? 'Copied' : ''}
            </Text>
          </Group>
        )}
      </CopyButton>
    </Stack>
  );
}
