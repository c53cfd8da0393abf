// Moderating one chat message: its menu (delete; ban its author; bring them on stage), the
// confirmation before deleting, and the ban dialog (this session or the whole room, for how long).
import { useApi } from '@vidinfra/ui';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Menu,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconBan, IconDots, IconTrash, IconUserPlus } from '@tabler/icons-react';
import type { BanScope } from '@vidinfra/domain';
import { messageOf, type ChatListMessage } from '@vidinfra/ui';
import { useState } from 'react';

const STAFF = new Set(['owner', 'cohost', 'moderator']);

/** Ban durations: minutes, or '' for permanent. */
const DURATIONS = [
  { value: '10', label: '10 minutes' },
  { value: '60', label: '1 hour' },
  { value: '1440', label: '24 hours' },
  { value: '', label: 'Permanent' },
];

export function MessageMenu({
  sessionId,
  message,
  mine,
  onDelete,
  onBan,
  onNotice,
}: {
  sessionId: string;
  message: ChatListMessage;
  mine: boolean;
  onDelete(): void;
  onBan(): void;
  onNotice(text: string, failed: boolean): void;
}) {
  const api = useApi();
  const moderatable = !mine && !STAFF.has(message.role);
  const bringOnStage = async () => {
    try {
      await api.stage.add.mutate({ id: sessionId, user_id: message.user_id });
      onNotice(`${message.display_name} is on stage.`, false);
    } catch (failure) {
      onNotice(
        `${message.display_name} could not be brought on stage: ${messageOf(failure)}`,
        true,
      );
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={`Moderate the message from ${message.display_name}`}
        >
          <IconDots size={16} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconTrash size={14} aria-hidden />} onClick={onDelete}>
          Delete message
        </Menu.Item>
        {moderatable && (
          <>
            <Menu.Item
              leftSection={<IconUserPlus size={14} aria-hidden />}
              onClick={() => void bringOnStage()}
            >
              Bring on stage
            </Menu.Item>
            <Menu.Item color="red" leftSection={<IconBan size={14} aria-hidden />} onClick={onBan}>
              Ban {message.display_name}…
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

function useRun(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      onDone();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, reset: () => setError(null) };
}

export function DeleteMessageDialog({
  sessionId,
  message,
  onClose,
}: {
  sessionId: string;
  message: ChatListMessage | null;
  onClose(): void;
}) {
  const api = useApi();
  const { busy, error, run, reset } = useRun(onClose);
  const close = () => {
    reset();
    onClose();
  };
  return (
    <Modal opened={message !== null} onClose={close} title="Delete this message?" centered>
      {message && (
        <Stack gap="md">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <b>{message.display_name}:</b> {message.text}
          </Text>
          <Text size="sm" c="dimmed">
            It disappears for everyone at once.
          </Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={busy}
              data-autofocus
              onClick={() =>
                void run(() => api.chat.delete.mutate({ id: sessionId, message_id: message.id }))
              }
            >
              Delete
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function BanDialog({
  sessionId,
  message,
  onClose,
  onBanned,
}: {
  sessionId: string;
  message: ChatListMessage | null;
  onClose(): void;
  onBanned(text: string): void;
}) {
  const api = useApi();
  const [scope, setScope] = useState<BanScope>('session');
  const [minutes, setMinutes] = useState('60');
  const [reason, setReason] = useState('');
  const { busy, error, run, reset } = useRun(onClose);
  const close = () => {
    reset();
    onClose();
  };
  const ban = (target: ChatListMessage) =>
    run(async () => {
      await api.moderation.ban.mutate({
        id: sessionId,
        user_id: target.user_id,
        scope,
        ...(minutes && {
          expires_at: new Date(Date.now() + Number(minutes) * 60_000).toISOString(),
        }),
        ...(reason.trim() && { reason: reason.trim() }),
      });
      const how = DURATIONS.find((d) => d.value === minutes)?.label.toLowerCase();
      onBanned(
        `${target.display_name} is banned from ${scope === 'room' ? 'the whole room' : 'this session'}${minutes ? ` for ${how}` : ' for good'}.`,
      );
    });
  return (
    <Modal
      opened={message !== null}
      onClose={close}
      title={message ? `Ban ${message.display_name}?` : 'Ban'}
      centered
    >
      {message && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            They can keep watching a public stream but can no longer chat, vote or join the stage;
            they leave the stage now if they are on it.
          </Text>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="ban-scope-label">
              Where
            </Text>
            <SegmentedControl
              aria-labelledby="ban-scope-label"
              value={scope}
              onChange={(value) => setScope(value as BanScope)}
              data={[
                { value: 'session', label: 'This session' },
                { value: 'room', label: 'Whole room' },
              ]}
              fullWidth
            />
          </Stack>
          <Select
            label="For how long"
            data={DURATIONS}
            value={minutes}
            onChange={(value) => setMinutes(value ?? '')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label="Reason (optional)"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={500}
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={busy} onClick={() => void ban(message)}>
              Ban
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
