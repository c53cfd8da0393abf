// The microphone's level as a meter bar, live while the stream has audio.
import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { meterLevel } from '../level-meter.ts';

export function LevelMeter({ stream }: { stream: MediaStream | null }) {
  const [level, setLevel] = useState(0);
  useEffect(() => (stream ? meterLevel(stream, setLevel) : setLevel(0)), [stream]);
  const percent = Math.round(level * 100);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Microphone level
      </Text>
      <Progress.Root>
        <Progress.Section
          value={percent}
          color={percent > 90 ? 'red' : 'teal'}
          aria-label="Microphone level"
          style={{ transition: 'none' }}
        />
      </Progress.Root>
    </Stack>
  );
}
