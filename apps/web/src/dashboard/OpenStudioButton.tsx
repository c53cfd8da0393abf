// "Open studio": asks the server for a fresh studio URL (it holds a one-time code valid 60 s)
// and opens it in a new tab. The tab opens at the click, so no popup blocker stops it, and goes
// to the studio once the URL arrives.
import { Alert, Button, Stack } from '@mantine/core';
import { IconBroadcast } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { messageOf } from '@vidinfra/ui';

import { api } from '../api.ts';

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
  return (
    <Stack gap="xs" align="flex-start">
      <Button
        leftSection={<IconBroadcast size={16} aria-hidden />}
        loading={studio.isPending}
        onClick={() => studio.mutate()}
      >
        Open studio
      </Button>
      {studio.error && (
        <Alert color="red" role="alert" title="Could not open the studio">
          {messageOf(studio.error)}
        </Alert>
      )}
    </Stack>
  );
}
