// Every page's frame: the header with the product's name (a link home) and the page below it.
import { AppShell, Container, Group, Title } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { AnchorLink } from './AnchorLink.tsx';

export function AppLayout() {
  return (
    <AppShell header={{ height: 56 }}>
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group h="100%">
            <AnchorLink to="/" underline="never" c="inherit">
              <Title order={1} size="h3">
                VidInfra Live
              </Title>
            </AnchorLink>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg" py="xl">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
