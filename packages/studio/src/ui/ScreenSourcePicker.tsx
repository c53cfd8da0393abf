// The desktop app's screen picker: the screens and windows the app lists, with thumbnails; the
// host's choice is shared. (A browser shows its own picker instead.)
import {
  Alert,
  Button,
  Image,
  Modal,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import type { ScreenSource } from '@vidinfra/domain';
import { useEffect, useState } from 'react';
import { hostBridge } from '../host-bridge.ts';

type Listing =
  { status: 'loading' } | { status: 'ready'; sources: ScreenSource[] } | { status: 'error' };

export function ScreenSourcePicker({
  opened,
  onClose,
  onPick,
}: {
  opened: boolean;
  onClose(): void;
  onPick(sourceId: string): void;
}) {
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!opened) return;
    let cancelled = false;
    setListing({ status: 'loading' });
    hostBridge()
      ?.listScreenSources()
      .then((sources) => !cancelled && setListing({ status: 'ready', sources }))
      .catch(() => !cancelled && setListing({ status: 'error' }));
    return () => {
      cancelled = true;
    };
  }, [opened, attempt]);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Share a screen or window"
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {listing.status === 'loading' && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} aria-label="Loading the screens and windows">
          <Skeleton height={120} />
          <Skeleton height={120} />
        </SimpleGrid>
      )}
      {listing.status === 'error' && (
        <Alert color="red" role="alert" title="The screens could not be listed">
          <Stack gap="xs" align="flex-start">
            Check the app’s screen-recording permission, then try again.
            <Button size="xs" variant="light" color="red" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </Button>
          </Stack>
        </Alert>
      )}
      {listing.status === 'ready' &&
        (listing.sources.length === 0 ? (
          <Text c="dimmed">There is no screen or window to share.</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {listing.sources.map((source) => (
              <UnstyledButton
                key={source.id}
                onClick={() => onPick(source.id)}
                aria-label={`Share ${source.kind === 'screen' ? 'screen' : 'window'} “${source.name}”`}
                style={{
                  borderRadius: 8,
                  padding: 6,
                  border: '1px solid var(--mantine-color-default-border)',
                }}
              >
                <Stack gap={4}>
                  <Image
                    src={source.thumbnail}
                    alt=""
                    radius="sm"
                    fit="contain"
                    h={110}
                    bg="dark.7"
                  />
                  <Text size="sm" lineClamp={1}>
                    {source.name}
                  </Text>
                </Stack>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        ))}
    </Modal>
  );
}
