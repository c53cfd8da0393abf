// One library and its members; its owners add a member by user id (or change their role) and
// remove members (the server refuses to leave it without an owner, and says so).
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
import { useParams } from '@tanstack/react-router';
import {
  AddLibraryMemberRequest,
  type LibraryMemberResponse,
  type LibraryResponse,
} from '@vidinfra/domain';
import { ErrorAlert, FormError, Loading, useFormAction, useSchemaForm } from '@vidinfra/ui';
import { api } from '../api.ts';
import { AnchorLink } from '../components/AnchorLink.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { keys } from './query-keys.ts';

const membersKey = (id: string) => [...keys.libraries, id, 'members'] as const;

function AddMemberForm({ libraryId }: { libraryId: string }) {
  const queryClient = useQueryClient();
  const form = useSchemaForm(AddLibraryMemberRequest, { user_id: '', role: 'member' });
  const { submit, busy, formError } = useFormAction(form, async (values) => {
    await api.libraries.addMember.mutate({ library_id: libraryId, ...values });
    form.reset();
    await queryClient.invalidateQueries({ queryKey: keys.libraries });
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-member-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="add-member-heading">
            Add a member or change a role
          </Title>
          <FormError error={formError} />
          <TextInput label="User ID" required {...form.getInputProps('user_id')} />
          <Group gap="xs" align="flex-end">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="member-role-label">
                Role
              </Text>
              <SegmentedControl
                aria-labelledby="member-role-label"
                data={[
                  { value: 'member', label: 'Member' },
                  { value: 'owner', label: 'Owner' },
                ]}
                {...form.getInputProps('role')}
              />
            </Stack>
            <Button type="submit" loading={busy}>
              Save member
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function MemberRow(props: { member: LibraryMemberResponse; library: LibraryResponse }) {
  const { member, library } = props;
  const queryClient = useQueryClient();
  return (
    <Paper withBorder p="xs" component="li">
      <Group justify="space-between" gap="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={500}>{member.display_name}</Text>
            <Badge variant="light">{member.role === 'owner' ? 'Owner' : 'Member'}</Badge>
          </Group>
          {member.email && (
            <Text size="xs" c="dimmed" truncate>
              {member.email}
            </Text>
          )}
        </Stack>
        {library.role === 'owner' && (
          <ConfirmButton
            label="Remove"
            ariaLabel={`Remove ${member.display_name} from the library`}
            title="Remove from the library?"
            confirmLabel="Remove"
            onConfirm={() =>
              api.libraries.removeMember.mutate({ library_id: library.id, user_id: member.user_id })
            }
            onDone={() => void queryClient.invalidateQueries({ queryKey: keys.libraries })}
          >
            {member.display_name} will no longer be a member of {library.name}.
          </ConfirmButton>
        )}
      </Group>
    </Paper>
  );
}

function Members({ library }: { library: LibraryResponse }) {
  const members = useQuery({
    queryKey: membersKey(library.id),
    queryFn: () => api.libraries.members.query({ library_id: library.id, page: 1, limit: 100 }),
  });
  if (members.isPending) return <Loading label="Loading the members" />;
  if (members.error) return <ErrorAlert title="Could not load the members" error={members.error} />;
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {members.data.items.map((member) => (
        <MemberRow key={member.user_id} member={member} library={library} />
      ))}
    </Stack>
  );
}

export function LibraryPage() {
  const { libraryId } = useParams({ from: '/dashboard/libraries/$libraryId' });
  const library = useQuery({
    queryKey: [...keys.libraries, libraryId],
    queryFn: () => api.libraries.get.query({ library_id: libraryId }),
  });
  if (library.isPending) return <Loading label="Loading the library" />;
  if (library.error)
    return <ErrorAlert title="Could not load this library" error={library.error} />;
  const { data } = library;
  return (
    <Stack gap="lg">
      <AnchorLink to="/dashboard/libraries" size="sm">
        ← All libraries
      </AnchorLink>
      <Group gap="xs">
        <Title order={2} style={{ overflowWrap: 'anywhere' }}>
          {data.name}
        </Title>
        <Badge variant="light">{data.role === 'owner' ? 'You own it' : 'You are a member'}</Badge>
      </Group>
      <Stack component="section" aria-labelledby="members-heading" gap="sm">
        <Title order={3} id="members-heading">
          Members
        </Title>
        <Members library={data} />
      </Stack>
      {data.role === 'owner' && <AddMemberForm libraryId={data.id} />}
    </Stack>
  );
}
