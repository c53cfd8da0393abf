// A poll: its question and options; while open, the reader picks (one, or several for a
// multiple-choice poll) and votes, and may change the vote; the results show live as bars.
import { Badge, Button, Checkbox, Group, Paper, Progress, Radio, Stack, Text } from '@mantine/core';
import type { PollResponse } from '@vidinfra/domain';
import { useState, type ReactNode } from 'react';

export interface PollCardProps {
  poll: PollResponse;
  /** Send the chosen option ids; absent when the reader may not vote (e.g. banned). */
  onVote?: (optionIds: string[]) => Promise<unknown>;
  /** Why the vote failed, to show under the options. */
  error?: string | null;
  /** The host's controls (e.g. "Close poll"), beside the vote count. */
  actions?: ReactNode;
}

function Results({ poll }: { poll: PollResponse }) {
  const mine = new Set(poll.my_option_ids ?? []);
  return (
    <Stack gap={6}>
      {poll.options.map((option) => (
        <div key={option.id}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={mine.has(option.id) ? 700 : 400} style={{ minWidth: 0 }}>
              {option.text}
              {mine.has(option.id) && ' (your vote)'}
            </Text>
            <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
              {Math.round(option.percentage)} % · {option.vote_count}
            </Text>
          </Group>
          <Progress
            value={option.percentage}
            size="sm"
            aria-label={`${option.text}: ${Math.round(option.percentage)} percent`}
          />
        </div>
      ))}
    </Stack>
  );
}

function Ballot({ poll, onVote }: { poll: PollResponse; onVote: PollCardProps['onVote'] }) {
  const [chosen, setChosen] = useState<string[]>(poll.my_option_ids ?? []);
  const [sending, setSending] = useState(false);
  const voted = (poll.my_option_ids?.length ?? 0) > 0;
  const options = poll.options.map((option) =>
    poll.multiple_choice ? (
      <Checkbox key={option.id} value={option.id} label={option.text} />
    ) : (
      <Radio key={option.id} value={option.id} label={option.text} />
    ),
  );
  const vote = async () => {
    setSending(true);
    // A refused vote is shown by the card's `error`; the choice stays for another try.
    await onVote?.(chosen).catch(() => undefined);
    setSending(false);
  };
  return (
    <Stack gap="xs">
      {poll.multiple_choice ? (
        <Checkbox.Group value={chosen} onChange={setChosen} label="Choose any" size="sm">
          <Stack gap={6} mt={4}>
            {options}
          </Stack>
        </Checkbox.Group>
      ) : (
        <Radio.Group
          value={chosen[0] ?? null}
          onChange={(id) => setChosen([id])}
          label="Choose one"
          size="sm"
        >
          <Stack gap={6} mt={4}>
            {options}
          </Stack>
        </Radio.Group>
      )}
      <Group>
        <Button size="xs" onClick={vote} loading={sending} disabled={chosen.length === 0}>
          {voted ? 'Change vote' : 'Vote'}
        </Button>
      </Group>
    </Stack>
  );
}

export function PollCard({ poll, onVote, error, actions }: PollCardProps) {
  const open = poll.status === 'open';
  const voted = (poll.my_option_ids?.length ?? 0) > 0;
  const [changing, setChanging] = useState(false);
  const showBallot = open && onVote && (!voted || changing);
  return (
    <Paper withBorder p="sm" component="section" aria-label={`Poll: ${poll.question}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {poll.question}
          </Text>
          <Badge color={open ? 'green' : 'gray'} variant="light" style={{ flexShrink: 0 }}>
            {open ? 'Open' : 'Closed'}
          </Badge>
        </Group>
        {showBallot ? (
          <Ballot poll={poll} onVote={(ids) => onVote(ids).then(() => setChanging(false))} />
        ) : (
          <Results poll={poll} />
        )}
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {poll.total_voters} {poll.total_voters === 1 ? 'vote' : 'votes'}
            {!open && ' · voting has closed'}
          </Text>
          {open && onVote && voted && !changing && (
            <Button variant="subtle" size="compact-xs" onClick={() => setChanging(true)}>
              Change my vote
            </Button>
          )}
          {actions}
        </Group>
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
