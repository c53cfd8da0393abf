// The watch page of a public session (the share's viewer_url): its title and status, and what
// fits the status — the live player, a countdown, "starting soon", or that it has ended. Once
// the live player plays, the stage, polls and chat load beside it (a chunk of their own).
// A private room's session plays for signed-in attendees (a signed playback whose token is
// renewed as it plays); an anonymous visitor is asked to sign in.
import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { apiErrorOf } from '@vidinfra/api-client';
import type { SessionResponse } from '@vidinfra/domain';
import { api } from '../api.ts';
import {
  Countdown,
  ErrorAlert,
  LivePlayer,
  Loading,
  RecordingPlayer,
  StatusBadge,
  type PlaybackProbe,
  type PlayheadClock,
} from '@vidinfra/ui';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { AnchorLink } from '../components/AnchorLink.tsx';
import { isSettledError } from '../query-client.ts';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { LiveFor } from '../watch/LiveFor.tsx';
import { useSignedPlayback } from '../watch/use-signed-playback.ts';
import classes from './WatchPage.module.css';

const RemindMe = lazy(() =>
  import('../watch/RemindMe.tsx').then((module) => ({ default: module.RemindMe })),
);

/** "Host camera off": the session read's host_media, kept current by Engagement's feed. */
const HostMediaNotice = lazy(() =>
  import('../watch/HostMediaNotice.tsx').then((module) => ({ default: module.HostMediaNotice })),
);

const Engagement = lazy(() =>
  import('../watch/Engagement.tsx').then((module) => ({ default: module.Engagement })),
);

/** How often the page looks for a status change (scheduled → live → ended). */
const STATUS_POLL_MS = 15_000;

type OnStarted = (clock: PlayheadClock, probe: PlaybackProbe) => void;

function SignInToWatch({ sessionId }: { sessionId: string }) {
  return (
    <Stack align="flex-start">
      <Title order={2}>Sign in to watch</Title>
      <Text>This session plays for signed-in attendees only.</Text>
      <ButtonLink to="/signin" search={{ redirect: `/sessions/${sessionId}` }}>
        Sign in to watch
      </ButtonLink>
    </Stack>
  );
}

/** A private session's live stream: its signed playback, renewed before the token expires. */
interface StageProps {
  session: SessionResponse;
  onStarted: OnStarted;
  /** Notices over the live video (see LivePlayer). */
  overlay?: ReactNode;
}

function SignedLivePlayer({ session, onStarted, overlay }: StageProps) {
  const playback = useSignedPlayback(session.id, true);
  if (playback.url)
    return (
      <LivePlayer
        url={playback.url}
        requestUrl={playback.requestUrl}
        title={session.title}
        latencyMode={session.settings.latency_mode}
        onStarted={onStarted}
        overlay={overlay}
      />
    );
  if (playback.pending) return <Loading label="Loading the stream" />;
  const code = apiErrorOf(playback.error)?.code;
  if (code === 'UNAUTHORIZED') return <SignInToWatch sessionId={session.id} />;
  if (code === 'BANNED')
    return (
      <Alert title="You cannot watch this session" color="red" role="alert">
        You were removed from this session by its host.
      </Alert>
    );
  if (code === 'NO_DEFAULT_PLAYBACK')
    return (
      <Paper withBorder p="lg">
        <Text size="lg">The stream is about to start.</Text>
      </Paper>
    );
  return <ErrorAlert title="Could not load the stream" error={playback.error} />;
}

function Stage({ session, onStarted, overlay }: StageProps) {
  switch (session.status) {
    case 'live':
      return session.hls_url ? (
        <LivePlayer
          url={session.hls_url}
          title={session.title}
          latencyMode={session.settings.latency_mode}
          onStarted={onStarted}
          overlay={overlay}
        />
      ) : (
        <SignedLivePlayer session={session} onStarted={onStarted} overlay={overlay} />
      );
    case 'scheduled':
      return (
        <Paper withBorder p="lg">
          <Stack gap="sm" align="flex-start">
            <Countdown to={session.scheduled_at} />
            <Suspense fallback={null}>
              <RemindMe roomId={session.room_id} />
            </Suspense>
          </Stack>
        </Paper>
      );
    case 'backstage':
      return (
        <Paper withBorder p="lg">
          <Text size="lg">Starting soon: the host is getting ready.</Text>
        </Paper>
      );
    case 'ended':
      return session.recording_url ? (
        <Stack gap="xs">
          <RecordingPlayer
            url={session.recording_url}
            title={session.title}
            poster={session.poster_url ?? undefined}
          />
          <Text size="sm" c="dimmed">
            This session has ended: this is its recording.
          </Text>
        </Stack>
      ) : (
        <Paper withBorder p="lg">
          <Text size="lg">This session has ended</Text>
        </Paper>
      );
  }
}

function SessionNotFound() {
  return (
    <Stack align="flex-start">
      <Title order={2}>Session not found</Title>
      <Text>This session does not exist, or it is no longer available.</Text>
      <AnchorLink to="/">See what is live now</AnchorLink>
    </Stack>
  );
}

export function WatchPage() {
  const { sessionId } = useParams({ from: '/sessions/$sessionId' });
  const [clock, setClock] = useState<PlayheadClock | null>(null);
  const [probe, setProbe] = useState<PlaybackProbe | null>(null);
  const session = useQuery({
    queryKey: ['sessions', 'get', sessionId],
    queryFn: () => api.sessions.get.query({ id: sessionId }),
    // A refused or missing session stays so: the page says which, and stops asking.
    refetchInterval: (query) => (isSettledError(query.state.error) ? false : STATUS_POLL_MS),
  });

  if (session.isPending) return <Loading label="Loading the session" />;
  if (session.error) {
    const code = apiErrorOf(session.error)?.code;
    if (code === 'NOT_FOUND' || code === 'VALIDATION_ERROR') return <SessionNotFound />;
    if (code === 'UNAUTHORIZED') return <SignInToWatch sessionId={sessionId} />;
    return <ErrorAlert title="Could not load the session" error={session.error} />;
  }
  const data = session.data;
  const engaging = data.status === 'live' && clock !== null;
  return (
    <div className={engaging ? classes.withSide : undefined}>
      <Stack gap="md" style={{ minWidth: 0 }}>
        <Group justify="space-between" align="center" gap="sm">
          <Title order={2} style={{ overflowWrap: 'anywhere' }}>
            {data.title}
          </Title>
          <Group gap="sm" wrap="nowrap" justify="flex-end" style={{ flexShrink: 0 }}>
            {data.status === 'live' && (
              <>
                {data.live_at && <LiveFor since={data.live_at} />}
                {data.viewer_count > 0 && (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {data.viewer_count} watching
                  </Text>
                )}
              </>
            )}
            <StatusBadge status={data.status} />
          </Group>
        </Group>
        <Stage
          session={data}
          onStarted={(started, playback) => {
            setClock(() => started);
            setProbe(playback);
          }}
          overlay={
            engaging && (
              <Suspense fallback={null}>
                <HostMediaNotice hostMedia={data.host_media} />
              </Suspense>
            )
          }
        />
        {data.description && <Text>{data.description}</Text>}
      </Stack>
      {engaging && (
        <aside aria-label="Chat, polls and stage">
          <Suspense fallback={<Loading label="Loading the chat" />}>
            <Engagement session={data} clock={clock} probe={probe} />
          </Suspense>
        </aside>
      )}
    </div>
  );
}
