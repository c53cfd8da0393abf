// The stage guest's WebRTC link to the studio as React state, for as long as the stage panel is
// shown: made with the page's realtime connection and the stage's ICE servers, handed the camera
// and microphone as they open or change, closed (with a `bye`) when the panel goes — leaving,
// removal, ban — or at once when the server says to stop publishing.
import { useQuery } from '@tanstack/react-query';
import { rtcSignalling } from '@vidinfra/api-client';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import { useEngage } from '@vidinfra/ui';
import { createStageLink, type StageLink, type StageLinkState } from './stage-link.ts';

export function useStageLink(stream: MediaStream | null): StageLinkState {
  const { session, me, connection } = useEngage();
  const [state, setState] = useState<StageLinkState>('waiting');
  const link = useRef<StageLink | null>(null);
  // The same read as the viewer's standing (one request): it carries the ICE servers.
  const stage = useQuery({
    queryKey: ['stage', 'list', session.id, me?.id],
    queryFn: () => api.stage.list.query({ id: session.id }),
  });
  const iceServers = stage.data?.ice_servers;

  useEffect(() => {
    const made = createStageLink({
      signalling: rtcSignalling(connection.socket, session.id),
      iceServers: [],
      onState: setState,
    });
    link.current = made;
    const unpublish = ({ session_id }: { session_id: string }) => {
      if (session_id === session.id) made.close();
    };
    connection.socket.on('stage:unpublish', unpublish);
    return () => {
      connection.socket.off('stage:unpublish', unpublish);
      made.close();
      link.current = null;
    };
  }, [connection, session.id]);

  useEffect(() => {
    if (iceServers) link.current?.setIceServers(iceServers);
  }, [iceServers]);
  useEffect(() => {
    link.current?.setStream(stream);
  }, [stream]);

  return state;
}
