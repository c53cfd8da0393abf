// The Stage tab: raised hands and join requests waiting, each with Approve / Reject; who is on
// stage, each with audio / video / screen permissions and Remove; the stage size limit and the
// server's word when an approval would pass it.
import { useApi } from '@vidinfra/ui';
import { Alert, Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import type { StagePermissions } from '@vidinfra/domain';
import { ErrorAlert, Loading, messageOf } from '@vidinfra/ui';
import { useState } from 'react';
import { QueueSection } from './QueueSection.tsx';
import { StagePerson } from './StagePerson.tsx';
import type { StageQueue } from './use-stage-queue.ts';

const PERMISSIONS: { key: keyof StagePermissions; label: string }[] = [
  { key: 'can_publish_audio', label: 'Audio' },
  { key: 'can_publish_video', label: 'Video' },
  { key: 'can_publish_screen', label: 'Screen' },
];

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
        <QueueSection
          title="Raised hands"
          empty="No hands raised"
          items={queue.hands}
          detail={(hand) =>
            hand.message ?? (hand.position ? `Number ${hand.position} in line` : undefined)
          }
          onApprove={(hand) =>
            act(() => api.stage.approveHand.mutate({ id: hand.session_id, user_id: hand.user_id }))
          }
          onReject={(hand) =>
            act(() => api.stage.rejectHand.mutate({ id: hand.session_id, user_id: hand.user_id }))
          }
        />
      )}
      {(queue.byRequest || queue.requests.length > 0) && (
        <QueueSection
          title="Join requests"
          empty="No join requests"
          items={queue.requests}
          detail={(request) => request.message}
          onApprove={(request) =>
            act(() =>
              api.stage.approveJoinRequest.mutate({
                id: request.session_id,
                request_id: request.id,
              }),
            )
          }
          onReject={(request) =>
            act(() =>
              api.stage.rejectJoinRequest.mutate({
                id: request.session_id,
                request_id: request.id,
              }),
            )
          }
        />
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
            <StagePerson name={person.display_name}>
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
            </StagePerson>
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
