// The Polls tab: a new poll, then the session's polls with their live results (the PollCard
// viewers see, without a ballot) and "Close poll" on the open ones.
import { useApi } from '@vidinfra/ui';
import { Button, Divider, Stack, Text } from '@mantine/core';
import { PollCard, messageOf } from '@vidinfra/ui';
import { useState } from 'react';
import { useEngage } from '@vidinfra/ui';
import { usePolls } from '@vidinfra/ui';
import { CreatePollForm } from './CreatePollForm.tsx';

export function StudioPolls() {
  const api = useApi();
  const { session } = useEngage();
  const { polls, voted } = usePolls();
  const [closing, setClosing] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const close = async (pollId: string) => {
    setClosing(pollId);
    setErrors((all) => ({ ...all, [pollId]: '' }));
    try {
      voted(await api.polls.close.mutate({ id: pollId }));
    } catch (failure) {
      setErrors((all) => ({ ...all, [pollId]: messageOf(failure) }));
    } finally {
      setClosing(null);
    }
  };

  return (
    <Stack gap="md">
      {!session.settings.polls_enabled && (
        <Text size="sm" c="dimmed">
          Polls are off for this session: viewers do not see them.
        </Text>
      )}
      <CreatePollForm sessionId={session.id} />
      <Divider />
      {polls.length === 0 && (
        <Text size="sm" c="dimmed" ta="center">
          No polls yet
        </Text>
      )}
      {polls.map((poll) => (
        <PollCard
          key={poll.id}
          poll={poll}
          error={errors[poll.id] || null}
          actions={
            poll.status === 'open' && (
              <Button
                size="compact-xs"
                variant="light"
                color="gray"
                loading={closing === poll.id}
                aria-label={`Close poll: ${poll.question}`}
                onClick={() => void close(poll.id)}
              >
                Close poll
              </Button>
            )
          }
        />
      ))}
    </Stack>
  );
}
