// One account in the admin's user list, with what an admin can do to it: change its role,
// disable or enable it, set a new password, sign it out everywhere. The server refuses what
// may not be done (your own role, the last admin) with a message shown as the notice.
import { Badge, Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountRole, UserResponse } from '@vidinfra/domain';
import { formatDateTime, messageOf } from '@vidinfra/ui';
import { api } from '../api.ts';
import { ROLE_LABEL, ROLE_OPTIONS } from './role-labels.ts';

export interface Notice {
  kind: 'done' | 'failed';
  text: string;
}

export function UserCard(props: {
  user: UserResponse;
  isMe: boolean;
  onNotice(notice: Notice): void;
  onResetPassword(user: UserResponse): void;
}) {
  const { user, isMe, onNotice, onResetPassword } = props;
  const queryClient = useQueryClient();
  const name = user.display_name;
  const failed = (error: unknown) => onNotice({ kind: 'failed', text: messageOf(error) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });

  const update = useMutation({
    mutationFn: (patch: { role?: AccountRole; disabled?: boolean }) =>
      api.admin.updateUser.mutate({ id: user.id, ...patch }),
    onSuccess: (updated, patch) => {
      onNotice({
        kind: 'done',
        text:
          patch.disabled === undefined
            ? `${updated.display_name} is now ${ROLE_LABEL[updated.role].toLowerCase()}.`
            : `${updated.display_name} is ${updated.disabled ? 'disabled: their logins stopped working' : 'enabled again'}.`,
      });
      return refresh();
    },
    onError: failed,
  });
  const revoke = useMutation({
    mutationFn: () => api.admin.deleteUserSessions.mutate({ id: user.id }),
    onSuccess: ({ revoked_sessions }) =>
      onNotice({
        kind: 'done',
        text: `${name} is signed out everywhere (${revoked_sessions} login${revoked_sessions === 1 ? '' : 's'} ended).`,
      }),
    onError: failed,
  });

  return (
    <Paper withBorder p="md" component="li" aria-label={name}>
      <Group justify="space-between" align="center" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {name}
              {isMe && ' (you)'}
            </Text>
            {user.disabled && (
              <Badge color="red" variant="light">
                Disabled
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {user.email ?? 'Device viewer (no email)'} · since {formatDateTime(user.created_at)}
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap">
          <NativeSelect
            aria-label={`Role of ${name}`}
            size="xs"
            value={user.role}
            disabled={isMe || update.isPending}
            data={ROLE_OPTIONS}
            onChange={(event) => update.mutate({ role: event.currentTarget.value as AccountRole })}
          />
          <Button
            size="xs"
            variant="light"
            color={user.disabled ? 'green' : 'red'}
            disabled={isMe}
            loading={update.isPending && update.variables?.disabled !== undefined}
            aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${name}`}
            onClick={() => update.mutate({ disabled: !user.disabled })}
          >
            {user.disabled ? 'Enable' : 'Disable'}
          </Button>
          <Button
            size="xs"
            variant="default"
            aria-label={`Reset the password of ${name}`}
            onClick={() => onResetPassword(user)}
          >
            Reset password
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={revoke.isPending}
            aria-label={`Sign ${name} out everywhere`}
            onClick={() => revoke.mutate()}
          >
            Sign out everywhere
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
