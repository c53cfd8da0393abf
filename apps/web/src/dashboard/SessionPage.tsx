// One session of the host: its status and "Open studio", its share links, figures and stream
// health (when live), attendance with export, and staff. Each tab loads only when shown.
import { Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import type { SessionResponse } from '@vidinfra/domain';
import { ErrorAlert, Loading, StatusBadge } from '@vidinfra/ui';
import { api } from '../api.ts';
import { AnchorLink } from '../components/AnchorLink.tsx';
import { AttendancePanel, AttendanceStats } from './AttendancePanel.tsx';
import { HealthPanel } from './HealthPanel.tsx';
import { OpenStudioButton } from './OpenStudioButton.tsx';
import { keys } from './query-keys.ts';
import { SessionActions } from './SessionActions.tsx';
import { SessionRecordings } from './SessionRecordings.tsx';
import { sessionWhen } from './SessionRow.tsx';
import { SharePanel } from './SharePanel.tsx';
import { StaffPanel } from './StaffPanel.tsx';

function Overview({ session }: { session: SessionResponse }) {
  return (
    <Stack gap="xl">
      {session.status === 'live' && (
        <Stack component="section" aria-labelledby="health-heading" gap="sm">
          <Title order={3} size="h4" id="health-heading">
            Stream health
          </Title>
          <HealthPanel sessionId={session.id} />
        </Stack>
      )}
      <Stack component="section" aria-labelledby="share-heading" gap="sm">
        <Title order={3} size="h4" id="share-heading">
          Share
        </Title>
        <SharePanel sessionId={session.id} />
      </Stack>
      <Stack component="section" aria-labelledby="figures-heading" gap="sm">
        <Title order={3} size="h4" id="figures-heading">
          Figures
        </Title>
        <AttendanceStats sessionId={session.id} />
      </Stack>
    </Stack>
  );
}

export function SessionPage() {
  const { sessionId } = useParams({ from: '/dashboard/sessions/$sessionId' });
  const navigate = useNavigate();
  const session = useQuery({
    queryKey: keys.session(sessionId),
    queryFn: () => api.sessions.get.query({ id: sessionId }),
    refetchInterval: 15_000,
  });
  if (session.isPending) return <Loading label="Loading the session" />;
  if (session.error)
    return <ErrorAlert title="Could not load this session" error={session.error} />;
  const { data } = session;
  return (
    <Stack gap="lg">
      <AnchorLink to="/dashboard/rooms/$roomId" params={{ roomId: data.room_id }} size="sm">
        ← The room’s sessions
      </AnchorLink>
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={2} style={{ overflowWrap: 'anywhere' }}>
            {data.title}
          </Title>
          <StatusBadge status={data.status} />
        </Group>
        <Text c="dimmed" size="sm">
          {sessionWhen(data)}
        </Text>
        {data.description && <Text>{data.description}</Text>}
      </Stack>
      <Group gap="xs" align="flex-start">
        {data.status !== 'ended' && <OpenStudioButton sessionId={data.id} />}
        <AnchorLink to="/sessions/$sessionId" params={{ sessionId: data.id }} size="sm" mt={6}>
          Open the viewer page
        </AnchorLink>
      </Group>
      <Group gap="xs">
        <SessionActions
          session={data}
          onDeleted={() =>
            navigate({ to: '/dashboard/rooms/$roomId', params: { roomId: data.room_id } })
          }
        />
      </Group>
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          <Tabs.Tab value="attendance">Attendance</Tabs.Tab>
          <Tabs.Tab value="staff">Staff</Tabs.Tab>
          <Tabs.Tab value="recordings">Recordings</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Overview session={data} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          <AttendancePanel sessionId={data.id} />
        </Tabs.Panel>
        <Tabs.Panel value="staff" pt="md">
          <StaffPanel sessionId={data.id} />
        </Tabs.Panel>
        <Tabs.Panel value="recordings" pt="md">
          <SessionRecordings sessionId={data.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
