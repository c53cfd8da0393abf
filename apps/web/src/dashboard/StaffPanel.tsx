// The session's staff: its owner, co-hosts (host side) and moderators; appoint one by user id
// (the domain's schema checks it; the server says who cannot be appointed) or remove them.
import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AddParticipantRoleRequest, type SessionParticipantResponse } from '@vidinfra/domain';
import { ErrorAlert, FormError, Loading, useFormAction, useSchemaForm } from '@vidinfra/ui';
import { useState } from 'react';
import { api } from '../api.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { keys } from './query-keys.ts';

const ROLE_LABEL = { owner: 'Owner', cohost: 'Co-host', moderator: 'Moderator' } as const;
type Appointed = 'cohost' | 'moderator';

function AppointForm({ sessionId }: { sessionId: string }) {
  const queryClient = useQueryClient();
  const form = useSchemaForm(AddParticipantRoleRequest, { user_id: '' });
  const [role, setRole] = useState<Appointed>('moderator');
  const { submit, busy, formError } = useFormAction(form, async (values) => {
    const add = role === 'cohost' ? api.participants.addCohost : api.participants.addModerator;
    await add.mutate({ id: sessionId, ...values });
    form.reset();
    await queryClient.invalidateQueries({ queryKey: keys.sessionPart(sessionId, 'staff') });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormError error={formError} />
        <TextInput
          label="User ID"
          description="Their account id (in the attendance export); attendees can be appointed from the attendance list"
          required
          {...form.getInputProps('user_id')}
        />
        <Group gap="xs" align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="appoint-role-label">
              Role
            </Text>
            <SegmentedControl
              aria-labelledby="appoint-role-label"
              value={role}
              onChange={(value) => setRole(value as Appointed)}
              data={[
                { value: 'moderator', label: 'Moderator' },
                { value: 'cohost', label: 'Co-host' },
              ]}
            />
          </Stack>
          <Button type="submit" loading={busy}>
            Add to staff
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function StaffRow({
  person,
  sessionId,
}: {
  person: SessionParticipantResponse;
  sessionId: string;
}) {
  const queryClient = useQueryClient();
  const { role } = person;
  return (
    <Paper withBorder p="xs" component="li">
      <Group justify="space-between" gap="xs">
        <Group gap="xs" style={{ minWidth: 0 }}>
          <Text fw={500} truncate>
            {person.display_name}
          </Text>
          <Badge variant="light">{ROLE_LABEL[role]}</Badge>
        </Group>
        {role !== 'owner' && (
          <ConfirmButton
            label="Remove"
            ariaLabel={`Remove ${person.display_name} from the staff`}
            title="Remove from the staff?"
            confirmLabel="Remove"
            onConfirm={() => {
              const remove =
                role === 'cohost'
                  ? api.participants.removeCohost
                  : api.participants.removeModerator;
              return remove.mutate({ id: sessionId, user_id: person.user_id });
            }}
            onDone={() =>
              void queryClient.invalidateQueries({ queryKey: keys.sessionPart(sessionId, 'staff') })
            }
          >
            {person.display_name} will no longer be a {ROLE_LABEL[role].toLowerCase()} of this
            session.
          </ConfirmButton>
        )}
      </Group>
    </Paper>
  );
}

export function StaffPanel({ sessionId }: { sessionId: string }) {
  const staff = useQuery({
    queryKey: keys.sessionPart(sessionId, 'staff'),
    queryFn: () => api.participants.list.query({ id: sessionId, page: 1, limit: 100 }),
  });
  return (
    <Stack gap="md">
      <Title order={3} size="h4">
        Co-hosts and moderators
      </Title>
      {staff.isPending ? (
        <Loading label="Loading the staff" />
      ) : staff.error ? (
        <ErrorAlert title="Could not load the staff" error={staff.error} />
      ) : staff.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody else helps with this session yet.
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {staff.data.items.map((person) => (
            <StaffRow
              key={`${person.user_id}-${person.role}`}
              person={person}
              sessionId={sessionId}
            />
          ))}
        </Stack>
      )}
      <AppointForm sessionId={sessionId} />
    </Stack>
  );
}
