// Asking for the stage: "Raise hand" (a guest identity the first time), where the hand stands —
// in line, declined — and, once approved, the stage panel; taken off the stage, back to this.
import { Alert, Button, Group, Paper, Text } from '@mantine/core';
import { IconHandStop } from '@tabler/icons-react';
import { RealtimeActionError, sendAction } from '@vidinfra/api-client';
import { useState } from 'react';
import { useEngage } from './engage-context.ts';
import { StagePanel } from './StagePanel.tsx';
import { useStageStanding } from './use-stage-standing.ts';

export function HandPanel() {
  const { session, identify, connection, banned, markBanned } = useEngage();
  const standing = useStageStanding();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // A ban takes the viewer off the stage too: the panel goes, and its camera with it.
  if (banned) return null;
  if (standing.onStage)
    return <StagePanel participant={standing.onStage} onLeft={standing.leftStage} />;
  if (!session.settings.hand_raise_enabled) return null;

  const act = async (action: 'hand:raise' | 'hand:lower') => {
    setBusy(true);
    setError(null);
    try {
      if (!(await identify())) return;
      standing.setHand(await sendAction(connection.socket, action, { session_id: session.id }));
    } catch (failure) {
      if (failure instanceof RealtimeActionError && failure.code === 'BANNED') markBanned();
      setError(failure instanceof Error ? failure.message : 'That did not work');
    } finally {
      setBusy(false);
    }
  };

  const hand = standing.hand;
  const pending = hand?.status === 'pending';
  return (
    <Paper withBorder p="sm" component="section" aria-label="Join the stage">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" role="status" style={{ flex: 1, minWidth: 160 }}>
          {pending
            ? `Your hand is up${hand.position ? ` (number ${hand.position} in line)` : ''}. The host will bring you on stage.`
            : hand?.status === 'rejected'
              ? 'The host did not bring you on stage this time.'
              : 'Want to speak? Raise your hand to ask the host.'}
        </Text>
        <Button
          size="xs"
          variant={pending ? 'default' : 'filled'}
          leftSection={<IconHandStop size={16} aria-hidden />}
          loading={busy}
          onClick={() => void act(pending ? 'hand:lower' : 'hand:raise')}
        >
          {pending ? 'Lower hand' : 'Raise hand'}
        </Button>
      </Group>
      {standing.removedReason && (
        <Alert color="gray" mt="xs" role="status">
          {standing.removedReason}
        </Alert>
      )}
      {error && (
        <Text size="sm" c="red" role="alert" mt="xs">
          {error}
        </Text>
      )}
    </Paper>
  );
}
