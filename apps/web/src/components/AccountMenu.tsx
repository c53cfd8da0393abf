// The signed-in person's menu: their dashboard, admin and sign out. Its own chunk: a page opened
// without an account (most watch pages) never loads the menu's popover code.
import { Box, Button, Menu } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import type { UserResponse } from '@vidinfra/domain';
import { useSignIn } from '../auth/use-me.ts';

export function AccountMenu({ me }: { me: UserResponse }) {
  const { signOut } = useSignIn();
  const navigate = useNavigate();
  const { role, display_name } = me;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          size="xs"
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={`Account menu of ${display_name}`}
          maw={{ base: 140, sm: 220 }}
        >
          <Box component="span" style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {display_name}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {(role === 'host' || role === 'admin') && (
          <Menu.Item onClick={() => void navigate({ to: '/dashboard' })}>Dashboard</Menu.Item>
        )}
        {role === 'admin' && (
          <Menu.Item onClick={() => void navigate({ to: '/admin' })}>Admin</Menu.Item>
        )}
        <Menu.Item onClick={() => void navigate({ to: '/' }).then(signOut)}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
