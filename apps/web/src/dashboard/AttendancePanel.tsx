// Who came and for how long: the session's attendance figures, the list of attendees (paged)
// and its export as a CSV or JSON file.
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttendanceExportFormat } from '@vidinfra/domain';
import { EmptyState, ErrorAlert, formatDateTime, Loading, messageOf, Pages } from '@vidinfra/ui';
import { useState } from 'react';
import { api } from '../api.ts';
import { keys } from './query-keys.ts';
import { saveFile } from './save-file.ts';
import { formatDuration, StatGrid } from './StatGrid.tsx';

const PAGE_SIZE = 25;

export function AttendanceStats({ sessionId }: { sessionId: string }) {
  const stats = useQuery({
    queryKey: keys.sessionPart(sessionId, 'attendance-stats'),
    queryFn: () => api.attendance.stats.query({ id: sessionId }),
  });
  if (stats.isPending) return <Loading label="Loading the attendance figures" />;
  if (stats.error)
    return <ErrorAlert title="Could not load the attendance figures" error={stats.error} />;
  const { data } = stats;
  return (
    <StatGrid
      stats={[
        { label: 'Watching now', value: data.current_viewers },
        { label: 'Unique viewers', value: data.unique_viewers },
        { label: 'Peak at once', value: data.peak_concurrent },
        { label: 'Average watch time', value: formatDuration(data.average_watch_seconds) },
        { label: 'Total watch time', value: formatDuration(data.total_watch_seconds) },
      ]}
    />
  );
}

function ExportButtons({ sessionId }: { sessionId: string }) {
  const download = useMutation({
    mutationFn: async (format: AttendanceExportFormat) =>
      saveFile(await api.attendance.export.query({ id: sessionId, format })),
  });
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {(['csv', 'json'] as const).map((format) => (
          <Button
            key={format}
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            loading={download.isPending && download.variables === format}
            onClick={() => download.mutate(format)}
          >
            {`Export ${format.toUpperCase()}`}
          </Button>
        ))}
      </Group>
      {download.error && (
        <Alert color="red" role="alert" title="Could not export the attendance">
          {messageOf(download.error)}
        </Alert>
      )}
    </Stack>
  );
}

/** Appoints an attendee a moderator of the session (the server says who cannot be one). */
function MakeModerator(props: { sessionId: string; userId: string; name: string }) {
  const queryClient = useQueryClient();
  const appoint = useMutation({
    mutationFn: () =>
      api.participants.addModerator.mutate({ id: props.sessionId, user_id: props.userId }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: keys.sessionPart(props.sessionId, 'staff') }),
  });
  if (appoint.isSuccess)
    return (
      <Text size="xs" c="teal" role="status">
        Now a moderator
      </Text>
    );
  return (
    <Stack gap={2} align="flex-start">
      <Button
        size="compact-xs"
        variant="subtle"
        loading={appoint.isPending}
        onClick={() => appoint.mutate()}
        aria-label={`Make ${props.name} a moderator`}
      >
        Make moderator
      </Button>
      {appoint.error && (
        <Text size="xs" c="red" role="alert">
          {messageOf(appoint.error)}
        </Text>
      )}
    </Stack>
  );
}

function AttendanceList({ sessionId }: { sessionId: string }) {
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: [...keys.sessionPart(sessionId, 'attendance'), page],
    queryFn: () => api.attendance.list.query({ id: sessionId, page, limit: PAGE_SIZE }),
  });
  if (list.isPending) return <Loading label="Loading the attendance" />;
  if (list.error) return <ErrorAlert title="Could not load the attendance" error={list.error} />;
  if (list.data.total === 0)
    return (
      <EmptyState title="Nobody has attended yet">
        People who join while the session is backstage or live appear here.
      </EmptyState>
    );
  const pages = Math.ceil(list.data.total / PAGE_SIZE);
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={600}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>First joined</Table.Th>
              <Table.Th>Last left</Table.Th>
              <Table.Th>Watched</Table.Th>
              <Table.Th>Staff</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((row) => (
              <Table.Tr key={row.user_id}>
                <Table.Td>{row.display_name}</Table.Td>
                <Table.Td>{formatDateTime(row.first_join_at)}</Table.Td>
                <Table.Td>
                  {row.last_leave_at ? formatDateTime(row.last_leave_at) : 'Still watching'}
                </Table.Td>
                <Table.Td>{formatDuration(row.total_watch_seconds)}</Table.Td>
                <Table.Td>
                  <MakeModerator
                    sessionId={sessionId}
                    userId={row.user_id}
                    name={row.display_name}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pages total={pages} value={page} onChange={setPage} />
    </Stack>
  );
}

export function AttendancePanel({ sessionId }: { sessionId: string }) {
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h4">
          Attendance
        </Title>
        <ExportButtons sessionId={sessionId} />
      </Group>
      <Text size="sm" c="dimmed">
        Signed-in viewers and guests who joined, with their time watched.
      </Text>
      <AttendanceList sessionId={sessionId} />
    </Stack>
  );
}
