// First run of the desktop studio: which server it talks to. The bridge validates and remembers
// it (the window then reloads under a CSP naming that server); a refusal says why.
import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import type { VidinfraHost } from '@vidinfra/domain';
import { FormError } from '@vidinfra/ui';
import { useState, type FormEvent } from 'react';

export function ServerChoice({
  host,
  onChosen,
}: {
  host: VidinfraHost;
  onChosen: (origin: string) => void;
}) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await host.chooseServer(url);
      if (result.ok) onChosen(result.origin);
      else setError(result.reason);
    } catch {
      setError('The studio could not save the server. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack component="form" onSubmit={submit} gap="md" maw={520} mx="auto" py="xl" px="md">
      <Title order={2}>Which server do you stream to?</Title>
      <Text c="dimmed">
        The address of your VidInfra Live server, as in your browser (for example
        https://live.example.com). The studio remembers it.
      </Text>
      <TextInput
        label="Server address"
        placeholder="https://live.example.com"
        value={url}
        onChange={(event) => setUrl(event.currentTarget.value)}
        required
        autoFocus
      />
      <FormError error={error} />
      <Button type="submit" loading={busy}>
        Use this server
      </Button>
    </Stack>
  );
}
