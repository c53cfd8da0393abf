// The session's polls on the watch page: each as a PollCard; voting makes a guest identity the
// first time. Nothing shows while there is no poll.
import { Stack } from '@mantine/core';
import { RealtimeActionError, sendAction } from '@vidinfra/api-client';
import type { PollResponse } from '@vidinfra/domain';
import { PollCard, useEngage, usePolls } from '@vidinfra/ui';
import { useState } from 'react';

export function PollsPanel() {
  const { identify, connection, banned, markBanned, session } = useEngage();
  const { polls, voted } = usePolls();
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!session.settings.polls_enabled || polls.length === 0) return null;

  const vote = async (poll: PollResponse, optionIds: string[]) => {
    setErrors((all) => ({ ...all, [poll.id]: '' }));
    try {
      if (!(await identify())) throw new Error('Choose a name to vote');
      voted(
        await sendAction(connection.socket, 'poll:vote', {
          poll_id: poll.id,
          option_ids: optionIds,
        }),
      );
    } catch (failure) {
      if (failure instanceof RealtimeActionError && failure.code === 'BANNED') markBanned();
      setErrors((all) => ({
        ...all,
        [poll.id]: failure instanceof Error ? failure.message : 'The vote was not counted',
      }));
      throw failure;
    }
  };

  return (
    <Stack gap="sm">
      {polls.map((poll) => (
        <PollCard
          key={poll.id}
          poll={poll}
          onVote={banned ? undefined : (ids) => vote(poll, ids)}
          error={errors[poll.id] || null}
        />
      ))}
    </Stack>
  );
}
