// Every page's frame: the header with the product's name (a link home) and the account menu —
// sign in, or the signed-in person's dashboard, admin and sign out — and the page below it.
import { Box, Button, Container, Group, Menu, Title } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { Outlet, useNavigate } from '@tanstack/react-router';
import { useMe, useSignIn } from '../auth/use-me.ts';
import { AnchorLink } from './AnchorLink.tsx';
import { ButtonLink } from './ButtonLink.tsx';

function AccountMenu() {
  const me = useMe();
  const { signOut } = useSignIn();
  const navigate = useNavigate();
  if (me.isPending) return null;
  if (!me.data)
    return (
      <ButtonLink to="/signin" variant="default" size="xs">
        Sign in
      </ButtonLink>
    );
  const { role, display_name } = me.data;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          size="xs"
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={`Account menu of ${display_name}`}
          maw={180}
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

export function AppLayout() {
  return (
    <>
      <Box
        component="header"
        h={56}
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <AnchorLink to="/" underline="never" c="inherit">
              <Title order={1} size="h3">
                VidInfra Live
              </Title>
            </AnchorLink>
            <AccountMenu />
          </Group>
        </Container>
      </Box>
      <Container component="main" size="lg" py="xl">
        <Outlet />
      </Container>
    </>
  );
}
