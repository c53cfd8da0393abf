// The app's own page for a path it has no page for.
import { Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '../components/AnchorLink.tsx';

export function NotFoundPage() {
  return (
    <Stack align="flex-start">
      <Title order={2}>Page not found</Title>
      <Text>There is no page at this address. It may have moved, or the link may be mistyped.</Text>
      <AnchorLink to="/">Go to the home page</AnchorLink>
    </Stack>
  );
}
