// In the desktop app, its version (from the host bridge); nothing in a browser.
import { Text } from '@mantine/core';
import { hostBridge } from '../host-bridge.ts';

export function HostAppVersion() {
  const version = hostBridge()?.version;
  return version ? (
    <Text size="xs" c="dimmed">
      Desktop studio {version}
    </Text>
  ) : null;
}
