// Where viewers find the session: the viewer URL and the embed snippet, each with a copy button.
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '@vidinfra/ui';
import { api } from '../api.ts';
import { CopyField } from './CopyField.tsx';
import { keys } from './query-keys.ts';

export function SharePanel({ sessionId }: { sessionId: string }) {
  const share = useQuery({
    queryKey: keys.sessionPart(sessionId, 'share'),
    queryFn: () => api.sessions.shareUrls.query({ id: sessionId }),
    staleTime: Infinity,
  });
  if (share.isPending) return <Loading label="Loading the share links" />;
  if (share.error) return <ErrorAlert title="Could not load the share links" error={share.error} />;
  return (
    <Stack gap="md">
      <CopyField label="Viewer URL" what="viewer URL" value={share.data.viewer_url} />
      <CopyField label="Embed code" what="embed code" value={share.data.embed_html} multiline />
    </Stack>
  );
}
