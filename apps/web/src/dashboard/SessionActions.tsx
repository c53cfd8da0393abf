// What the host does to a session from a list or its page: reschedule (while scheduled), edit
// its settings, delete it (not while live).
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '@vidinfra/domain';
import { api } from '../api.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { DASHBOARD } from './query-keys.ts';
import { RescheduleModal } from './RescheduleModal.tsx';
import { SettingsModal } from './SettingsModal.tsx';

export function SessionActions(props: {
  session: SessionResponse;
  /** Leave the session's page first, so nothing asks for the deleted session again. */
  onDeleted?: () => Promise<unknown>;
}) {
  const { session } = props;
  const queryClient = useQueryClient();
  const [rescheduling, reschedule] = useDisclosure(false);
  const [editing, settings] = useDisclosure(false);
  return (
    <>
      {session.status === 'scheduled' && (
        <Button
          size="xs"
          variant="default"
          onClick={reschedule.open}
          aria-label={`Reschedule ${session.title}`}
        >
          Reschedule
        </Button>
      )}
      {session.status !== 'ended' && (
        <Button
          size="xs"
          variant="default"
          onClick={settings.open}
          aria-label={`Settings of ${session.title}`}
        >
          Settings
        </Button>
      )}
      {session.status !== 'live' && (
        <ConfirmButton
          label="Delete"
          ariaLabel={`Delete session ${session.title}`}
          title="Delete this session?"
          confirmLabel="Delete session"
          onConfirm={() => api.sessions.delete.mutate({ id: session.id })}
          onDone={() =>
            void Promise.resolve(props.onDeleted?.()).then(() =>
              queryClient.invalidateQueries({ queryKey: DASHBOARD }),
            )
          }
        >
          “{session.title}” will be deleted with its attendance and chat. This cannot be undone.
        </ConfirmButton>
      )}
      <RescheduleModal session={session} opened={rescheduling} onClose={reschedule.close} />
      <SettingsModal session={session} opened={editing} onClose={settings.close} />
    </>
  );
}
