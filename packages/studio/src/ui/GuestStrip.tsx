// "On stage": a strip of the stage guests' cameras in the studio, each tile named, with its
// connection shown until the picture arrives. Muted here: the guests' sound goes to the mix.
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { GuestStream } from '../guests/use-guest-streams.ts';

function GuestTile({ guest }: { guest: GuestStream }) {
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  useEffect(() => {
    if (video && video.srcObject !== guest.stream) video.srcObject = guest.stream;
  }, [video, guest.stream]);
  const waiting = !guest.stream || guest.state !== 'connected';
  const noCamera = !waiting && guest.stream!.getVideoTracks().length === 0;
  const note = waiting ? (guest.state === 'calling' ? 'Calling…' : 'Connecting…') : 'No camera';
  return (
    <Stack gap={4} component="li" data-testid="guest-tile" style={{ width: 176, flex: '0 0 auto' }}>
      <div
        style={{
          position: 'relative',
          aspectRatio: '16 / 9',
          background: 'black',
          borderRadius: 'var(--mantine-radius-sm)',
          overflow: 'hidden',
        }}
      >
        <video
          ref={setVideo}
          aria-label={`${guest.displayName}'s camera`}
          muted
          autoPlay
          playsInline
          style={{ width: '100%', height: '100%', objectFit: 'cover' }}
        />
        {(waiting || noCamera) && (
          <Badge
            size="xs"
            color="gray"
            variant="filled"
            style={{ position: 'absolute', left: 6, bottom: 6 }}
          >
            {note}
          </Badge>
        )}
      </div>
      <Text size="xs" fw={500} truncate>
        {guest.displayName}
      </Text>
    </Stack>
  );
}

export function GuestStrip({ guests }: { guests: GuestStream[] }) {
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="on-stage-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="on-stage-title">
          On stage{guests.length > 0 ? ` (${guests.length})` : ''}
        </Title>
        {guests.length === 0 ? (
          <Text size="sm" c="dimmed">
            No guests on stage. Approved viewers appear here with their camera.
          </Text>
        ) : (
          <Group
            component="ul"
            gap="sm"
            wrap="nowrap"
            aria-label="Guests on stage"
            style={{ overflowX: 'auto', listStyle: 'none', margin: 0, padding: 0 }}
          >
            {guests.map((guest) => (
              <GuestTile key={guest.userId} guest={guest} />
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
