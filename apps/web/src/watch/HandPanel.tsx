// Asking for the stage: "Raise hand" — or "Ask to join the stage" where the host takes join
// requests instead — (a guest identity the first time), where the ask stands (in line,
// declined), and once approved the stage panel; taken off the stage, back to this.
import { Alert, Button, Group, Paper, Text } from '@mantine/core';
import { IconHandStop } from '@tabler/icons-react';
import { RealtimeActionError, sendAction } from '@vidinfra/api-client';
import { useState } from 'react';
import { useEngage } from '@vidinfra/ui';
import { StagePanel } from './StagePanel.tsx';
import { useStageStanding } from './use-stage-standing.ts';

type Ask = 'hand:raise' | 'hand:lower' | 'join_request:create';

function askText(standing: ReturnType<typeof useStageStanding>, byHand: boolean): string {
  const { hand, joinRequest } = standing;
  if (byHand && hand?.status === 'pending')
    return `Your hand is up${hand.position ? ` (number ${hand.position} in line)` : ''}. The host will bring you on stage.`;
  if (!byHand && joinRequest?.status === 'pending')
    return 'You asked to join the stage. The host will answer.';
  if ((byHand ? hand : joinRequest)?.status === 'rejected')
    return 'The host did not bring you on stage this time.';
  return byHand
    ? 'Want to speak? Raise your hand to ask the host.'
    : 'Want to speak? Ask the host to bring you on stage.';
}

export function HandPanel() {
  const { session, identify, connection, banned, markBanned } = useEngage();
  const standing = useStageStanding();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { hand_raise_enabled: byHand, join_requests_enabled: byRequest } = session.settings;

  // A ban takes the viewer off the stage too: the panel goes, and its camera with it.
  if (banned) return null;
  if (standing.onStage)
    return <StagePanel participant={standing.onStage} onLeft={standing.leftStage} />;
  if (!byHand && !byRequest) return null;

  const act = async (action: Ask) => {
    setBusy(true);
    setError(null);
    try {
      if (!(await identify())) return;
      const payload = { session_id: session.id };
      if (action === 'join_request:create')
        standing.setJoinRequest(await sendAction(connection.socket, action, payload));
      else standing.setHand(await sendAction(connection.socket, action, payload));
    } catch (failure) {
      if (failure instanceof RealtimeActionError && failure.code === 'BANNED') markBanned();
      setError(failure instanceof Error ? failure.message : 'That did not work');
    } finally {
      setBusy(false);
    }
  };

  const handUp = byHand && standing.hand?.status === 'pending';
  const requested = !byHand && standing.joinRequest?.status === 'pending';
  return (
    <Paper withBorder p="sm" component="section" aria-label="Join the stage">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" role="status" style={{ flex: 1, minWidth: 160 }}>
          {askText(standing, byHand)}
        </Text>
        {!requested && (
          <Button
            size="xs"
            variant={handUp ? 'default' : 'filled'}
            leftSection={<IconHandStop size={16} aria-hidden />}
            loading={busy}
            onClick={() =>
              void act(byHand ? (handUp ? 'hand:lower' : 'hand:raise') : 'join_request:create')
            }
          >
            {byHand ? (handUp ? 'Lower hand' : 'Raise hand') : 'Ask to join the stage'}
          </Button>
        )}
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
