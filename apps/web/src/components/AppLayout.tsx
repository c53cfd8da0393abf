// Every page's frame: the header with the product's name (a link home) and the account's place —
// "Sign in", or the signed-in person's menu — and the page below it. Embed pages (a player in
// another site's iframe) get no frame at all.
import { Box, Container, Group, Title } from '@mantine/core';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useMe } from '../auth/use-me.ts';
import { AnchorLink } from './AnchorLink.tsx';
import { ButtonLink } from './ButtonLink.tsx';

const AccountMenu = lazy(() =>
  import('./AccountMenu.tsx').then((module) => ({ default: module.AccountMenu })),
);

function Account() {
  const me = useMe();
  if (me.isPending) return null;
  if (!me.data)
    return (
      <ButtonLink to="/signin" variant="default" size="xs">
        Sign in
      </ButtonLink>
    );
  return (
    <Suspense fallback={null}>
      <AccountMenu me={me.data} />
    </Suspense>
  );
}

export function AppLayout() {
  const embedded = useRouterState({
    select: (state) => state.location.pathname.startsWith('/embed/'),
  });
  if (embedded) return <Outlet />;
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
              <Title order={1} size="h3" style={{ whiteSpace: 'nowrap' }}>
                VidInfra Live
              </Title>
            </AnchorLink>
            <Account />
          </Group>
        </Container>
      </Box>
      <Container component="main" size="lg" py="xl">
        <Outlet />
      </Container>
    </>
  );
}
