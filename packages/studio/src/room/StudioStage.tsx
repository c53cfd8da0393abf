// The Stage tab: raised hands and join requests waiting, each with Approve / Reject; who is on
// stage, each with audio / video / screen permissions and Remove; the stage size limit and the
// server's word when an approval would pass it.
import { useApi } from '@vidinfra/ui';
import { Alert, Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import type { StagePermissions } from '@vidinfra/domain';
import { ErrorAlert, Loading, messageOf } from '@vidinfra/ui';
import { useState, type ReactNode } from 'react';
import type { StageQueue } from './use-stage-queue.ts';

const PERMISSIONS: { key: keyof StagePermissions; label: string }[] = [
  { key: 'can_publish_audio', label: 'Audio' },
  { key: 'can_publish_video', label: 'Video' },
  { key: 'can_publish_screen', label: 'Screen' },
];

function Person({
  name,
  detail,
  children,
}: {
  name: string;
  detail?: string;
  children: ReactNode;
}) {
  return (
    <Group justify="space-between" gap="xs" wrap="wrap" data-testid="stage-person">
      <div style={{ minWidth: 0, flex: '1 1 120px' }}>
        <Text size="sm" fw={600} truncate>
          {name}
        </Text>
        {detail && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {detail}
          </Text>
        )}
      </div>
      <Group gap={6} wrap="nowrap">
        {children}
      </Group>
    </Group>
  );
}

function Answer({
  name,
  onApprove,
  onReject,
}: {
  name: string;
  onApprove(): void;
  onReject(): void;
}) {
  return (
    <>
      <Button size="compact-sm" onClick={onApprove} aria-label={`Approve ${name}`}>
        Approve
      </Button>
      <Button size="compact-sm" variant="default" onClick={onReject} aria-label={`Reject ${name}`}>
        Reject
      </Button>
    </>
  );
}

export function StudioStage({ queue }: { queue: StageQueue }) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const act = (run: () => Promise<unknown>) => {
    setError(null);
    void queue.act(run).catch((failure: unknown) => setError(messageOf(failure)));
  };
  if (queue.pending) return <Loading label="Loading the stage" />;
  if (queue.error) return <ErrorAlert title="The stage could not be loaded" error={queue.error} />;
  const full = queue.onStage.length >= queue.maxSize;

  return (
    <Stack gap="md">
      {error && (
        <Alert
          color="red"
          role="alert"
          title="That did not work"
          withCloseButton
          onClose={() => setError(null)}
          closeButtonLabel="Dismiss"
        >
          {error}
        </Alert>
      )}
      {(queue.byHand || queue.hands.length > 0) && (
        <Stack gap="xs" component="section" aria-label="Raised hands">
          <Title order={4} size="h5">
            Raised hands
          </Title>
          {queue.hands.length === 0 && (
            <Text size="sm" c="dimmed">
              No hands raised
            </Text>
          )}
          {queue.hands.map((hand) => (
            <Person
              key={hand.id}
              name={hand.display_name}
              detail={
                hand.message ?? (hand.position ? `Number ${hand.position} in line` : undefined)
              }
            >
              <Answer
                name={hand.display_name}
                onApprove={() =>
                  act(() =>
                    api.stage.approveHand.mutate({ id: hand.session_id, user_id: hand.user_id }),
                  )
                }
                onReject={() =>
                  act(() =>
                    api.stage.rejectHand.mutate({ id: hand.session_id, user_id: hand.user_id }),
                  )
                }
              />
            </Person>
          ))}
        </Stack>
      )}
      {(queue.byRequest || queue.requests.length > 0) && (
        <Stack gap="xs" component="section" aria-label="Join requests">
          <Title order={4} size="h5">
            Join requests
          </Title>
          {queue.requests.length === 0 && (
            <Text size="sm" c="dimmed">
              No join requests
            </Text>
          )}
          {queue.requests.map((request) => (
            <Person key={request.id} name={request.display_name} detail={request.message}>
              <Answer
                name={request.display_name}
                onApprove={() =>
                  act(() =>
                    api.stage.approveJoinRequest.mutate({
                      id: request.session_id,
                      request_id: request.id,
                    }),
                  )
                }
                onReject={() =>
                  act(() =>
                    api.stage.rejectJoinRequest.mutate({
                      id: request.session_id,
                      request_id: request.id,
                    }),
                  )
                }
              />
            </Person>
          ))}
        </Stack>
      )}
      {!queue.byHand && !queue.byRequest && (
        <Text size="sm" c="dimmed">
          Raised hands and join requests are both off for this session.
        </Text>
      )}
      <Stack gap="xs" component="section" aria-label="People on stage">
        <Group justify="space-between" gap="xs">
          <Title order={4} size="h5">
            On stage
          </Title>
          <Text size="xs" c={full ? 'red' : 'dimmed'} data-testid="stage-size">
            {queue.onStage.length} of {queue.maxSize}
            {full && ' · full'}
          </Text>
        </Group>
        {queue.onStage.length === 0 && (
          <Text size="sm" c="dimmed">
            No one is on stage yet
          </Text>
        )}
        {queue.onStage.map((person) => (
          <Stack key={person.user_id} gap={4}>
            <Person name={person.display_name}>
              <Button
                size="compact-sm"
                variant="light"
                color="red"
                aria-label={`Remove ${person.display_name} from the stage`}
                onClick={() =>
                  act(() =>
                    api.stage.remove.mutate({ id: person.session_id, user_id: person.user_id }),
                  )
                }
              >
                Remove
              </Button>
            </Person>
            <Group gap="md">
              {PERMISSIONS.map(({ key, label }) => (
                <Switch
                  key={key}
                  size="xs"
                  label={label}
                  aria-label={`${label} for ${person.display_name}`}
                  checked={person.permissions[key]}
                  onChange={(event) => {
                    const checked = event.currentTarget.checked;
                    act(() =>
                      api.stage.updatePermissions.mutate({
                        id: person.session_id,
                        user_id: person.user_id,
                        [key]: checked,
                      }),
                    );
                  }}
                />
              ))}
            </Group>
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}
