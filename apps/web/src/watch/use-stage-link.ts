// The stage guest's link as React state, for as long as the stage panel is shown. With the local
// media backend: the WebRTC link to the studio, made with the page's realtime connection and the
// stage's ICE servers, handed the camera and microphone as they open or change, closed (with a
// `bye`) when the panel goes — leaving, removal, ban — or at once when the server says to stop
// publishing. With LiveKit: the camera and microphone published to the LiveKit room with a stage
// token (the room's egress composites the guests), disconnected the same way.
import { useQuery } from '@tanstack/react-query';
import { rtcSignalling } from '@vidinfra/api-client';
import type { MediaBackendKind } from '@vidinfra/domain';
import { createLiveKitPublisher, guestLinkStateOf } from '@vidinfra/studio';
import { useEngage } from '@vidinfra/ui';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import { createStageLink, type StageLink, type StageLinkState } from './stage-link.ts';

export function useStageLink(stream: MediaStream | null): StageLinkState {
  const { session, me, connection } = useEngage();
  const [state, setState] = useState<StageLinkState>('waiting');
  const link = useRef<StageLink | null>(null);
  // The same read as the viewer's standing (one request): it carries the ICE servers and says
  // which media backend the guests publish to.
  const stage = useQuery({
    queryKey: ['stage', 'list', session.id, me?.id],
    queryFn: () => api.stage.list.query({ id: session.id }),
  });
  const iceServers = stage.data?.ice_servers;
  const backend: MediaBackendKind | undefined = stage.data?.media_backend;

  // The server stops a guest's publishing (removal, ban): whatever link there is closes.
  const [unpublished, setUnpublished] = useState(false);
  useEffect(() => {
    const unpublish = ({ session_id }: { session_id: string }) => {
      if (session_id === session.id) setUnpublished(true);
    };
    connection.socket.on('stage:unpublish', unpublish);
    return () => void connection.socket.off('stage:unpublish', unpublish);
  }, [connection, session.id]);

  useEffect(() => {
    if (backend !== 'local' || unpublished) return;
    const made = createStageLink({
      signalling: rtcSignalling(connection.socket, session.id),
      iceServers: [],
      onState: setState,
    });
    link.current = made;
    return () => {
      made.close();
      link.current = null;
    };
  }, [backend, unpublished, connection, session.id]);

  useEffect(() => {
    if (iceServers) link.current?.setIceServers(iceServers);
  }, [iceServers, backend]);
  useEffect(() => {
    link.current?.setStream(stream);
  }, [stream, backend]);

  useEffect(() => {
    if (backend !== 'livekit' || unpublished || !stream) return;
    let stopped = false;
    let stop = () => {};
    void api.stage.token
      .mutate({ id: session.id })
      .then((granted) => {
        if (stopped) return;
        const publisher = createLiveKitPublisher({
          stream,
          url: granted.ws_url,
          token: granted.token,
          onState: (next) => setState(guestLinkStateOf(next)),
        });
        publisher.start();
        stop = () => void publisher.stop();
      })
      .catch(() => setState('failed'));
    return () => {
      stopped = true;
      stop();
    };
  }, [backend, unpublished, stream, session.id]);

  return state;
}
