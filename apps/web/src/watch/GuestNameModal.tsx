// The first time a viewer chats, votes or raises a hand: the name others will see. Continuing
// makes a guest identity kept in this browser; signing in with an account is offered too.
import { Anchor, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { messageOf } from '@vidinfra/ui';
import { useState } from 'react';
import { guest } from './guest.ts';

export function GuestNameModal({
  opened,
  onDone,
}: {
  opened: boolean;
  /** true once signed in as the guest, false when the viewer closed the dialog. */
  onDone: (signedIn: boolean) => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError('Enter the name others will see');
    setSending(true);
    setError(null);
    try {
      await guest.signIn(name);
      onDone(true);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : messageOf(failure));
    } finally {
      setSending(false);
    }
  };

  const signInHref = `/signin?redirect=${encodeURIComponent(window.location.pathname)}`;
  return (
    <Modal opened={opened} onClose={() => onDone(false)} title="Choose your name" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Others in the session will see this name beside your messages, votes and raised hand.
          </Text>
          <TextInput
            label="Display name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={error}
            maxLength={100}
            data-autofocus
            autoComplete="nickname"
          />
          <Group justify="space-between" align="center">
            <Anchor href={signInHref} size="sm">
              Sign in with email instead
            </Anchor>
            <Button type="submit" loading={sending}>
              Continue
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
