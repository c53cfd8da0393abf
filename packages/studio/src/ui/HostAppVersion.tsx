// In the desktop app, its version (from the host bridge); nothing in a browser.
import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { hostBridge } from '../host-bridge.ts';

export function HostAppVersion() {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    hostBridge()
      ?.appVersion()
      .then((v) => current && setVersion(v))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, []);
  return version ? (
    <Text size="xs" c="dimmed">
      Desktop studio {version}
    </Text>
  ) : null;
}
