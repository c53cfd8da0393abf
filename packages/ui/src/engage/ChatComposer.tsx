// Writing to the chat: a labelled input and Send. The first message makes a guest identity
// (useEngage().identify); one's own message shows at once; slow mode counts down to the next.
import { Button, Group, Text, TextInput } from '@mantine/core';
import { RealtimeActionError, sendAction } from '@vidinfra/api-client';
import { CHAT_MESSAGE_MAX_LENGTH, type ChatMessageResponse } from '@vidinfra/domain';
import { useEffect, useState } from 'react';
import { useEngage } from './engage-context.ts';

const STAFF_ROLES = new Set(['owner', 'cohost', 'moderator']);

/** Whole seconds until `until`, looked at again four times a second while some are left. */
function useSecondsLeft(until: number) {
  const [, setTick] = useState(0);
  const left = Math.max(0, Math.ceil((until - Date.now()) / 1000));
  const counting = left > 0;
  useEffect(() => {
    if (!counting) return;
    const timer = setInterval(() => setTick((n) => n + 1), 250);
    return () => clearInterval(timer);
  }, [counting]);
  return left;
}

export function ChatComposer({ onSent }: { onSent: (message: ChatMessageResponse) => void }) {
  const { session, identify, connection, markBanned } = useEngage();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [nextAllowedAt, setNextAllowedAt] = useState(0);
  const slowModeLeft = useSecondsLeft(nextAllowedAt);
  const slowMode = session.settings.slow_mode_seconds;

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!text.trim() || slowModeLeft > 0) return;
    setSending(true);
    setError(null);
    try {
      if (!(await identify())) return;
      const message = await sendAction(connection.socket, 'chat:send', {
        session_id: session.id,
        text,
      });
      onSent(message);
      setText('');
      if (slowMode > 0 && !STAFF_ROLES.has(message.role))
        setNextAllowedAt(Date.now() + slowMode * 1000);
    } catch (failure) {
      if (failure instanceof RealtimeActionError && failure.code === 'BANNED') markBanned();
      // Too soon: the countdown under the box says when it may go; the text stays for then.
      if (failure instanceof RealtimeActionError && failure.code === 'SLOW_MODE')
        return setNextAllowedAt(Date.now() + slowMode * 1000);
      setError(failure instanceof Error ? failure.message : 'The message was not sent');
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={send} noValidate>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          aria-label="Message"
          placeholder="Say something…"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maxLength={CHAT_MESSAGE_MAX_LENGTH}
          error={error}
          style={{ flex: 1, minWidth: 0 }}
          autoComplete="off"
        />
        <Button type="submit" loading={sending} disabled={slowModeLeft > 0}>
          Send
        </Button>
      </Group>
      {slowModeLeft > 0 && (
        <Text size="xs" c="dimmed" mt={4} role="timer" aria-live="polite">
          Slow mode: you can send again in {slowModeLeft} s
        </Text>
      )}
    </form>
  );
}
