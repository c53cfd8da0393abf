// The watch page's live companions — the stage (raise hand / on stage), polls and chat — in a
// chunk of their own, loaded once the player plays. They share one realtime feed, the viewer's
// identity (a guest made on first use) and the playhead's clock (chat in step with the video).
import { Stack } from '@mantine/core';
import type { SessionResponse } from '@vidinfra/domain';
import {
  ApiContext,
  type PlaybackProbe,
  type PlayheadClock,
  EngageContext,
  type Engage,
  RealtimeConnectionProvider,
  useRealtimeFeed,
} from '@vidinfra/ui';
import { useMemo, useState } from 'react';
import { webApiServices } from '../api-services.ts';
import { useMe } from '../auth/use-me.ts';
import { ChatPanel } from './ChatPanel.tsx';
import { GuestNameModal } from './GuestNameModal.tsx';
import { HandPanel } from './HandPanel.tsx';
import { PollsPanel } from './PollsPanel.tsx';
import { useIdentify } from './use-identify.ts';
import { usePlaybackReports } from './use-playback-reports.ts';

function EngagementPanels({
  session,
  clock,
  probe,
}: {
  session: SessionResponse;
  clock: PlayheadClock;
  probe: PlaybackProbe | null;
}) {
  const me = useMe().data ?? null;
  const feed = useRealtimeFeed(session.id, me?.id ?? null);
  usePlaybackReports({
    sessionId: session.id,
    connection: feed.connection,
    connected: feed.connected,
    clock,
    probe,
  });
  const { identify, asking, onDone } = useIdentify(feed.connection);
  const [syncWithVideo, setSyncWithVideo] = useState(true);

  const engage = useMemo<Engage>(
    () => ({
      session,
      me,
      connection: feed.connection,
      listen: feed.listen,
      banned: feed.banned,
      markBanned: feed.markBanned,
      identify,
      clock,
      syncWithVideo,
      setSyncWithVideo,
    }),
    [
      session,
      me,
      feed.connection,
      feed.listen,
      feed.banned,
      feed.markBanned,
      identify,
      clock,
      syncWithVideo,
    ],
  );

  return (
    <EngageContext.Provider value={engage}>
      <Stack gap="md">
        <HandPanel />
        <PollsPanel />
        <ChatPanel />
      </Stack>
      <GuestNameModal opened={asking} onDone={onDone} />
    </EngageContext.Provider>
  );
}

/** The panels with this app's API client (the shared hooks' ApiContext), on one connection. */
export function Engagement(props: Parameters<typeof EngagementPanels>[0]) {
  return (
    <ApiContext.Provider value={webApiServices}>
      <RealtimeConnectionProvider>
        <EngagementPanels {...props} />
      </RealtimeConnectionProvider>
    </ApiContext.Provider>
  );
}
