// One room in a list: its name (a link to its page) and description.
import { Card, Text } from '@mantine/core';
import type { RoomResponse } from '@vidinfra/domain';
import { AnchorLink } from '../components/AnchorLink.tsx';

export function RoomCard({ room }: { room: RoomResponse }) {
  return (
    <Card withBorder padding="md" component="article">
      <AnchorLink to="/rooms/$roomId" params={{ roomId: room.id }} fw={600} lineClamp={2}>
        {room.name}
      </AnchorLink>
      {room.description && (
        <Text size="sm" c="dimmed" mt="xs" lineClamp={2}>
          {room.description}
        </Text>
      )}
    </Card>
  );
}
