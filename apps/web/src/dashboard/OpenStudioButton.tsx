// "Open studio": asks the server for a fresh studio URL (it holds a one-time code valid 60 s)
// and opens it in a new tab. The tab opens at the click, so no popup blocker stops it, and goes
// to the studio once the URL arrives. "Open in desktop app" hands the same code to the desktop
// studio through its `vidinfra-studio://` link (the app asks the host to confirm).
import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconBroadcast, IconDeviceDesktop } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { studioDeepLink } from '@vidinfra/domain';
import { messageOf } from '@vidinfra/ui';

import { api } from '../api.ts';

/** The desktop studio's link for a studio URL (`{origin}/sessions/{id}/live?code=…`). */
function desktopLink(studioUrl: string, sessionId: string) {
  const url = new URL(studioUrl);
  return studioDeepLink({
    server: url.origin,
    session_id: sessionId,
    code: url.searchParams.get('code') ?? '',
  });
}

export function OpenStudioButton({ sessionId }: { sessionId: string }) {
  const studio = useMutation({
    mutationFn: async () => {
      const tab = window.open('about:blank', '_blank');
      try {
        const { url } = await api.sessions.studioUrl.mutate({ id: sessionId });
        if (tab) {
          tab.opener = null;
          tab.location.href = url;
        } else window.location.assign(url);
      } catch (error) {
        tab?.close();
        throw error;
      }
    },
  });
  const desktop = useMutation({
    mutationFn: async () => {
      const { url } = await api.sessions.studioUrl.mutate({ id: sessionId });
      window.location.href = desktopLink(url, sessionId);
    },
  });
  const error = studio.error ?? desktop.error;
  return (
    <Stack gap="xs" align="flex-start">
      <Group gap="sm">
        <Button
          leftSection={<IconBroadcast size={16} aria-hidden />}
          loading={studio.isPending}
          onClick={() => studio.mutate()}
        >
          Open studio
        </Button>
        <Button
          variant="default"
          leftSection={<IconDeviceDesktop size={16} aria-hidden />}
          loading={desktop.isPending}
          onClick={() => desktop.mutate()}
        >
          Open in desktop app
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert" title="Could not open the studio">
          {messageOf(error)}
        </Alert>
      )}
    </Stack>
  );
}
