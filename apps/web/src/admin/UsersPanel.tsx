// The admin's users: find them by email or name (and role), create one, and act on each.
import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountRole, UserResponse } from '@vidinfra/domain';
import { EmptyState, ErrorAlert, Loading, Pages } from '@vidinfra/ui';
import { useState } from 'react';
import { api } from '../api.ts';
import { ROLE_OPTIONS } from './role-labels.ts';
import { useMe } from '../auth/use-me.ts';
import { CreateUserModal } from './CreateUserModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserCard, type Notice } from './UserCard.tsx';

const LIMIT = 20;

export function UsersPanel() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<AccountRole | ''>('');
  const [page, setPage] = useState(1);
  const [q] = useDebouncedValue(search.trim(), 300);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserResponse | null>(null);
  const users = useQuery({
    queryKey: ['admin', 'users', q, role, page],
    queryFn: () =>
      api.admin.findUsers.query({ page, limit: LIMIT, ...(q && { q }), ...(role && { role }) }),
    placeholderData: keepPreviousData,
  });
  const pages = users.data ? Math.ceil(users.data.total / LIMIT) : 0;
  const done = (text: string) => setNotice({ kind: 'done', text });

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm">
        <TextInput
          type="search"
          label="Find users"
          placeholder="Email or name"
          maxLength={200}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: '1 1 220px' }}
        />
        <NativeSelect
          label="Role"
          value={role}
          onChange={(event) => {
            setRole(event.currentTarget.value as AccountRole | '');
            setPage(1);
          }}
          data={[{ value: '', label: 'Any role' }, ...ROLE_OPTIONS]}
        />
        <Button
          leftSection={<IconUserPlus size={16} aria-hidden />}
          onClick={() => setCreating(true)}
        >
          Create user
        </Button>
      </Group>
      {notice && (
        <Alert
          color={notice.kind === 'done' ? 'green' : 'red'}
          role={notice.kind === 'done' ? 'status' : 'alert'}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setNotice(null)}
        >
          {notice.text}
        </Alert>
      )}
      {users.isPending ? (
        <Loading label="Loading users" />
      ) : users.error ? (
        <ErrorAlert title="Could not load users" error={users.error} />
      ) : users.data.items.length === 0 ? (
        <EmptyState title="No users found">
          {q || role ? 'No account matches this search.' : 'There are no accounts yet.'}
        </EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {users.data.total} user{users.data.total === 1 ? '' : 's'}
          </Text>
          <Stack
            component="ul"
            aria-label="Users"
            aria-busy={users.isFetching}
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {users.data.items.map((user) => (
              <UserCard
                key={user.id}
                user={user}
                isMe={user.id === me.data?.id}
                onNotice={setNotice}
                onResetPassword={setResetting}
              />
            ))}
          </Stack>
          <Pages total={pages} value={page} onChange={setPage} />
        </>
      )}
      <CreateUserModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          done(`${user.display_name} (${user.role}) can now sign in.`);
          void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} onDone={done} />
    </Stack>
  );
}
