// Where the viewer stands with the stage: their hand (up, in line, approved, declined) or join
// request (where the host takes requests instead of raised hands), and whether they are on
// stage with which permissions — loaded once signed in, then kept current by the feed (the
// outcomes on their own channel, stage changes on the session's).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  HandRaiseResponse,
  JoinRequestResponse,
  StageParticipantResponse,
} from '@vidinfra/domain';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import { useEngage, useFeedEvents } from '@vidinfra/ui';

export function useStageStanding() {
  const { session, me, banned } = useEngage();
  const [hand, setHand] = useState<HandRaiseResponse | null>(null);
  const [joinRequest, setJoinRequest] = useState<JoinRequestResponse | null>(null);
  const [onStage, setOnStage] = useState<StageParticipantResponse | null>(null);
  const [removedReason, setRemovedReason] = useState<string | null>(null);
  const signedIn = Boolean(me) && !banned;
  /** The viewer left by themselves: their own removal event needs no explaining. */
  const leftByThemselves = useRef(false);
  const queryClient = useQueryClient();
  /**
   * An event about the viewer's standing: the reads asked before it (still in flight when the
   * viewer has just become a guest) would put the old standing back, so they are asked again.
   */
  const refreshStanding = () =>
    void queryClient.invalidateQueries({ queryKey: ['stage'], exact: false });

  const myHand = useQuery({
    queryKey: ['stage', 'my-hand', session.id, me?.id],
    enabled: signedIn,
    queryFn: () => api.stage.myHand.query({ id: session.id }),
  });
  const myJoinRequest = useQuery({
    queryKey: ['stage', 'my-join-request', session.id, me?.id],
    enabled: signedIn && session.settings.join_requests_enabled,
    queryFn: () => api.stage.myJoinRequest.query({ id: session.id }),
  });
  const stage = useQuery({
    queryKey: ['stage', 'list', session.id, me?.id],
    enabled: signedIn,
    queryFn: () => api.stage.list.query({ id: session.id }),
  });
  useEffect(() => {
    if (myHand.data) setHand(myHand.data.hand);
  }, [myHand.data]);
  useEffect(() => {
    if (myJoinRequest.data) setJoinRequest(myJoinRequest.data.request);
  }, [myJoinRequest.data]);
  useEffect(() => {
    if (stage.data) setOnStage(stage.data.items.find((p) => p.user_id === me?.id) ?? null);
  }, [stage.data, me?.id]);

  useFeedEvents((event) => {
    switch (event.event) {
      case 'hand.approved':
      case 'hand.rejected':
        refreshStanding();
        return setHand(event.payload);
      case 'join_request.approved':
      case 'join_request.rejected':
        refreshStanding();
        return setJoinRequest(event.payload);
      case 'stage.participant_added':
      case 'stage.permissions_updated':
        if (event.payload.user_id === me?.id) {
          refreshStanding();
          setRemovedReason(null);
          setOnStage(event.payload);
        }
        return;
      case 'stage.participant_removed':
        if (event.payload.user_id !== me?.id) return;
        // A ban took them off: the reads would be refused (the ban closes the panel anyway).
        if (event.payload.reason !== 'banned') refreshStanding();
        setOnStage(null);
        setHand(null);
        setJoinRequest(null);
        if (!leftByThemselves.current) {
          const reason = event.payload.reason;
          setRemovedReason(
            `The host took you off the stage${reason ? ` (${reason})` : ''}. You are back to watching.`,
          );
        }
        leftByThemselves.current = false;
        return;
    }
  });

  return {
    hand,
    setHand,
    joinRequest,
    setJoinRequest,
    onStage,
    leftStage: () => {
      leftByThemselves.current = true;
      setOnStage(null);
      setHand(null);
      setJoinRequest(null);
      setRemovedReason(null);
    },
    removedReason,
  };
}
