// The stage as the host manages it: raised hands and join requests waiting (staff channel), who
// is on stage (session channel) — read from the API, and read again on each event about them.
import { useApi } from '@vidinfra/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { RealtimeMessage } from '@vidinfra/domain';
import { useEngage, useFeedEvents } from '@vidinfra/ui';

const STAGE_EVENTS = new Set<RealtimeMessage['event']>([
  'hand.raised',
  'hand.lowered',
  'join_request.created',
  'stage.participant_added',
  'stage.participant_removed',
  'stage.permissions_updated',
  'moderation.banned',
]);

export function useStageQueue() {
  const api = useApi();
  const { session } = useEngage();
  const queryClient = useQueryClient();
  const id = session.id;
  const hands = useQuery({
    queryKey: ['studio', id, 'stage', 'hands'],
    queryFn: () => api.stage.hands.query({ id, limit: 50 }),
  });
  const requests = useQuery({
    queryKey: ['studio', id, 'stage', 'requests'],
    queryFn: () => api.stage.joinRequests.query({ id, limit: 50 }),
  });
  const onStage = useQuery({
    queryKey: ['studio', id, 'stage', 'list'],
    queryFn: () => api.stage.list.query({ id }),
  });
  const reread = () => void queryClient.invalidateQueries({ queryKey: ['studio', id, 'stage'] });

  useFeedEvents((event) => {
    if (STAGE_EVENTS.has(event.event)) reread();
  });

  return {
    hands: hands.data?.items ?? [],
    requests: requests.data?.items ?? [],
    onStage: onStage.data?.items ?? [],
    pending: hands.isPending || requests.isPending || onStage.isPending,
    error: hands.error ?? requests.error ?? onStage.error,
    maxSize: onStage.data?.max_stage_size ?? session.settings.max_stage_size,
    byHand: session.settings.hand_raise_enabled,
    byRequest: session.settings.join_requests_enabled,
    /** Runs a stage action, then reads the stage again (whether it worked or not). */
    async act(run: () => Promise<unknown>) {
      try {
        await run();
      } finally {
        reread();
      }
    },
  };
}

export type StageQueue = ReturnType<typeof useStageQueue>;
