// The chat's messages, oldest at the top: a live region (`role="log"`, polite) that keeps to the
// newest message while the reader is at the bottom, and loads older ones when the reader
// scrolls to the top (or presses "Load earlier messages"), keeping their place.
import { Box, Button, Group, Stack, Text } from '@mantine/core';
import type { ChatMessageResponse } from '@vidinfra/domain';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { StaffBadge } from './StaffBadge.tsx';

export type ChatListMessage = Pick<
  ChatMessageResponse,
  'id' | 'user_id' | 'display_name' | 'role' | 'text' | 'created_at'
>;

export interface ChatListProps {
  messages: readonly ChatListMessage[];
  /** The reader's user id: their own messages are marked. */
  myUserId?: string | null;
  hasOlder?: boolean;
  loadingOlder?: boolean;
  onLoadOlder?: () => void;
  /** What an empty chat says. */
  emptyText?: string;
  height?: number | string;
  /** What a moderator can do with a message (e.g. a menu), shown at its right. */
  actions?: (message: ChatListMessage) => ReactNode;
}

const NEAR_BOTTOM_PX = 48;

function useScrollKeeping(box: React.RefObject<HTMLDivElement | null>, messages: unknown[]) {
  const last = useRef({ height: 0, top: 0, first: undefined as unknown, atBottom: true });
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const before = last.current;
    if (before.first !== undefined && messages[0] !== before.first && !before.atBottom) {
      // Older messages came in above: keep what the reader was looking at in place.
      el.scrollTop = before.top + (el.scrollHeight - before.height);
    } else if (before.atBottom) {
      el.scrollTop = el.scrollHeight;
    }
    last.current = { ...before, height: el.scrollHeight, top: el.scrollTop, first: messages[0] };
  }, [box, messages]);
  return () => {
    const el = box.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    last.current = { ...last.current, top: el.scrollTop, height: el.scrollHeight, atBottom };
  };
}

export function ChatList({
  messages,
  myUserId,
  hasOlder,
  loadingOlder,
  onLoadOlder,
  emptyText = 'No messages yet. Say hello!',
  height = 360,
  actions,
}: ChatListProps) {
  const box = useRef<HTMLDivElement>(null);
  const onScroll = useScrollKeeping(box, messages as unknown[]);
  const loadIfAtTop = () => {
    onScroll();
    if (box.current && box.current.scrollTop < 24 && hasOlder && !loadingOlder) onLoadOlder?.();
  };

  return (
    <Box
      ref={box}
      onScroll={loadIfAtTop}
      h={height}
      px="xs"
      style={{ overflowY: 'auto', overscrollBehavior: 'contain' }}
      tabIndex={0}
      aria-label="Chat messages"
    >
      {hasOlder && (
        <Group justify="center" py={4}>
          <Button variant="subtle" size="compact-xs" loading={loadingOlder} onClick={onLoadOlder}>
            Load earlier messages
          </Button>
        </Group>
      )}
      <Stack gap={6} py="xs" role="log" aria-live="polite" aria-relevant="additions">
        {messages.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="lg">
            {emptyText}
          </Text>
        )}
        {messages.map((message) => (
          <Box key={message.id} data-testid="chat-message">
            <Group gap={6} wrap="nowrap" align="baseline">
              <Text
                size="sm"
                fw={600}
                c={message.user_id === myUserId ? 'blue' : undefined}
                truncate
                style={{ minWidth: 0 }}
              >
                {message.display_name}
                {message.user_id === myUserId && ' (you)'}
              </Text>
              <StaffBadge role={message.role} />
              {actions && <Box ml="auto">{actions(message)}</Box>}
            </Group>
            <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {message.text}
            </Text>
          </Box>
        ))}
      </Stack>
    </Box>
  );
}
