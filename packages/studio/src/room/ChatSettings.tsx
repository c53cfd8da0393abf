// The chat's settings while live: on / off and slow mode, saved at once (viewers get them live).
import { useApi } from '@vidinfra/ui';
import { Group, Select, Switch, Text } from '@mantine/core';
import type { UpdateSessionSettingsRequest } from '@vidinfra/domain';
import { messageOf } from '@vidinfra/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useEngage } from '@vidinfra/ui';

const SLOW_MODES = [
  { value: '0', label: 'Slow mode off' },
  { value: '5', label: 'One message per 5 s' },
  { value: '30', label: 'One message per 30 s' },
  { value: '60', label: 'One message per minute' },
  { value: '300', label: 'One message per 5 min' },
];

export function ChatSettings() {
  const api = useApi();
  const { session } = useEngage();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const { chat_enabled, slow_mode_seconds } = session.settings;
  const slowModes = SLOW_MODES.some((mode) => mode.value === String(slow_mode_seconds))
    ? SLOW_MODES
    : [
        ...SLOW_MODES,
        { value: String(slow_mode_seconds), label: `One message per ${slow_mode_seconds} s` },
      ];

  const save = async (patch: UpdateSessionSettingsRequest) => {
    setError(null);
    try {
      const updated = await api.sessions.settings.mutate({ id: session.id, ...patch });
      queryClient.setQueryData(['sessions', 'get', session.id], updated);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <div>
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Switch
          size="sm"
          label="Chat on"
          checked={chat_enabled}
          onChange={(event) => void save({ chat_enabled: event.currentTarget.checked })}
        />
        <Select
          size="xs"
          aria-label="Slow mode"
          data={slowModes}
          value={String(slow_mode_seconds)}
          onChange={(value) => value !== null && void save({ slow_mode_seconds: Number(value) })}
          allowDeselect={false}
          w={190}
        />
      </Group>
      {error && (
        <Text size="xs" c="red" role="alert" mt={4}>
          {error}
        </Text>
      )}
    </div>
  );
}
