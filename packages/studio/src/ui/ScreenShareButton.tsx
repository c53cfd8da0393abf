// "Share screen" / "Stop sharing": the browser's picker, or the desktop app's own when it offers
// one; a failure is said next to the button.
import { Button, Stack, Text } from '@mantine/core';
import { IconScreenShare, IconScreenShareOff } from '@tabler/icons-react';
import { useState } from 'react';
import { hasScreenSourcePicker } from '../screen-share.ts';
import { ScreenSourcePicker } from './ScreenSourcePicker.tsx';
import type { useScreenShare } from './use-screen-share.ts';

export function ScreenShareButton({ share }: { share: ReturnType<typeof useScreenShare> }) {
  const [picking, setPicking] = useState(false);
  if (share.stream)
    return (
      <Button variant="light" leftSection={<IconScreenShareOff size={16} />} onClick={share.stop}>
        Stop sharing
      </Button>
    );
  return (
    <Stack gap={4} align="flex-start">
      <Button
        variant="default"
        leftSection={<IconScreenShare size={16} />}
        loading={share.busy}
        onClick={() => (hasScreenSourcePicker() ? setPicking(true) : void share.start())}
      >
        Share screen
      </Button>
      {share.error && (
        <Text size="sm" c="red" role="alert">
          {share.error}
        </Text>
      )}
      <ScreenSourcePicker
        opened={picking}
        onClose={() => setPicking(false)}
        onPick={(sourceId) => {
          setPicking(false);
          void share.start(sourceId);
        }}
      />
    </Stack>
  );
}
