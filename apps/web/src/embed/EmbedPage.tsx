// The embed page (the share's embed_html iframes it on other sites): the session's player and
// nothing else, filling the frame; when the session is not live, what it is, on the same black.
import { Box, Center, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { apiErrorOf } from '@vidinfra/api-client';
import type { SessionResponse } from '@vidinfra/domain';
import { Countdown, LivePlayer, Loading, messageOf } from '@vidinfra/ui';
import type { ReactNode } from 'react';
import { api } from '../api.ts';

/** How often the page looks for a status change (scheduled → live → ended). */
const STATUS_POLL_MS = 15_000;

function Frame({ children }: { children: ReactNode }) {
  return (
    <Box
      component="main"
      bg="black"
      c="white"
      h="100vh"
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        overflow: 'hidden',
      }}
    >
      {children}
    </Box>
  );
}

function Notice({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Center p="md">
      <Stack gap={6} align="center" ta="center" maw={480}>
        <Text component="h1" fw={600} size="lg" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Text>
        {children && <Box c="gray.4">{children}</Box>}
      </Stack>
    </Center>
  );
}

function SessionView({ session }: { session: SessionResponse }) {
  switch (session.status) {
    case 'live':
      return session.hls_url ? (
        // As wide as the frame, or as tall: the 16:9 picture always fits whole.
        <Box style={{ width: 'min(100vw, calc(100vh * 16 / 9))' }}>
          <LivePlayer
            url={session.hls_url}
            title={session.title}
            latencyMode={session.settings.latency_mode}
          />
        </Box>
      ) : (
        <Notice title={session.title}>This session plays for signed-in attendees only.</Notice>
      );
    case 'scheduled':
      return (
        <Notice title={session.title}>
          <Countdown to={session.scheduled_at} />
        </Notice>
      );
    case 'backstage':
      return <Notice title={session.title}>Starting soon: the host is getting ready.</Notice>;
    case 'ended':
      return <Notice title={session.title}>This session has ended.</Notice>;
  }
}

export function EmbedPage() {
  const { sessionId } = useParams({ from: '/embed/sessions/$sessionId' });
  const session = useQuery({
    queryKey: ['sessions', 'get', sessionId],
    queryFn: () => api.sessions.get.query({ id: sessionId }),
    refetchInterval: STATUS_POLL_MS,
  });
  if (session.isPending)
    return (
      <Frame>
        <Loading label="Loading the session" />
      </Frame>
    );
  if (session.error) {
    const code = apiErrorOf(session.error)?.code;
    const missing = code === 'NOT_FOUND' || code === 'VALIDATION_ERROR';
    return (
      <Frame>
        <Notice title={missing ? 'Session not found' : 'Could not load the session'}>
          <Text role="alert">
            {missing ? 'This session does not exist any more.' : messageOf(session.error)}
          </Text>
        </Notice>
      </Frame>
    );
  }
  return (
    <Frame>
      <SessionView session={session.data} />
    </Frame>
  );
}
