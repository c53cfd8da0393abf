// Every page's frame: the header with the product's name (a link home) and the page below it.
import { Box, Container, Group, Title } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { AnchorLink } from './AnchorLink.tsx';

export function AppLayout() {
  return (
    <>
      <Box
        component="header"
        h={56}
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Container size="lg" h="100%">
          <Group h="100%">
            <AnchorLink to="/" underline="never" c="inherit">
              <Title order={1} size="h3">
                VidInfra Live
              </Title>
            </AnchorLink>
          </Group>
        </Container>
      </Box>
      <Container component="main" size="lg" py="xl">
        <Outlet />
      </Container>
    </>
  );
}
