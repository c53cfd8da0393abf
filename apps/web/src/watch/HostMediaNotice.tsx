// Over the live player (its overlay): that the host turned their camera or microphone off (else
// nothing), as the session read says (its host_media, kept current by the realtime feed).
import { Badge, Group } from '@mantine/core';
import { IconMicrophoneOff, IconVideoOff } from '@tabler/icons-react';
import type { HostMedia } from '@vidinfra/domain';

export function HostMediaNotice({ hostMedia: { video, audio } }: { hostMedia: HostMedia }) {
  if (video && audio) return null;
  return (
    <Group gap="xs" role="status">
      {!video && (
        <Badge color="dark" size="md" leftSection={<IconVideoOff size={12} aria-hidden />}>
          Host camera off
        </Badge>
      )}
      {!audio && (
        <Badge color="dark" size="md" leftSection={<IconMicrophoneOff size={12} aria-hidden />}>
          Host microphone off
        </Badge>
      )}
    </Group>
  );
}
