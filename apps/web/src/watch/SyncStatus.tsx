// Under the chat's header while chat follows the video: how far behind live the picture is,
// and how many messages are waiting for it.
import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useEngage } from '@vidinfra/ui';

function useBehindLiveSeconds(): number | null {
  const { clock } = useEngage();
  const [behind, setBehind] = useState<number | null>(null);
  useEffect(() => {
    const look = () => {
      const playhead = clock();
      setBehind(playhead === null ? null : Math.max(0, Math.round((Date.now() - playhead) / 1000)));
    };
    look();
    const timer = setInterval(look, 1000);
    return () => clearInterval(timer);
  }, [clock]);
  return behind;
}

export function SyncStatus({ heldCount }: { heldCount: number }) {
  const behind = useBehindLiveSeconds();
  if (behind === null) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="chat-sync-status">
      In step with the video, {behind} s behind live
      {heldCount > 0 &&
        ` · ${heldCount} new ${heldCount === 1 ? 'message' : 'messages'} waiting for the video`}
    </Text>
  );
}
