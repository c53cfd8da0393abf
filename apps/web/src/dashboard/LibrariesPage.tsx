// The libraries the host belongs to (shared workspaces: their rooms, sessions and presets belong
// to every member), with their role and member count; create one.
import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CreateLibraryRequest } from '@vidinfra/domain';
import {
  EmptyState,
  ErrorAlert,
  FormError,
  Loading,
  useFormAction,
  useSchemaForm,
} from '@vidinfra/ui';
import { api } from '../api.ts';
import { AnchorLink } from '../components/AnchorLink.tsx';
import { keys } from './query-keys.ts';
import { plural } from './StatGrid.tsx';

function CreateLibraryForm() {
  const queryClient = useQueryClient();
  const form = useSchemaForm(CreateLibraryRequest, { name: '' });
  const { submit, busy, formError } = useFormAction(form, async (values) => {
    await api.libraries.create.mutate(values);
    form.reset();
    await queryClient.invalidateQueries({ queryKey: keys.libraries });
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-library-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="new-library-heading">
            New library
          </Title>
          <FormError error={formError} />
          <TextInput label="Library name" required {...form.getInputProps('name')} />
          <Group>
            <Button type="submit" loading={busy}>
              Create library
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function LibrariesPage() {
  const libraries = useQuery({
    queryKey: keys.libraries,
    queryFn: () => api.libraries.list.query({ page: 1, limit: 100 }),
  });
  return (
    <Stack gap="md">
      <Title order={2}>Libraries</Title>
      {libraries.isPending ? (
        <Loading label="Loading your libraries" />
      ) : libraries.error ? (
        <ErrorAlert title="Could not load your libraries" error={libraries.error} />
      ) : libraries.data.items.length === 0 ? (
        <EmptyState title="You belong to no library">
          A library is a workspace shared with other hosts; create one below and add its members.
        </EmptyState>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {libraries.data.items.map((library) => (
            <Paper withBorder p="sm" component="li" key={library.id}>
              <Group gap="xs">
                <AnchorLink
                  to="/dashboard/libraries/$libraryId"
                  params={{ libraryId: library.id }}
                  fw={600}
                >
                  {library.name}
                </AnchorLink>
                <Badge variant="light">{library.role === 'owner' ? 'Owner' : 'Member'}</Badge>
                <Text size="sm" c="dimmed">
                  {plural(library.member_count, 'member')}
                </Text>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <CreateLibraryForm />
    </Stack>
  );
}
