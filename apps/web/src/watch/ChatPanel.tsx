// The watch page's chat: the messages (ChatList), the "Sync chat with video" switch, and the
// box to write in — or why there is none: chat is off, or the viewer was banned.
import { Alert, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { ChatList, ChatComposer, useEngage, useChatMessages } from '@vidinfra/ui';
import { SyncStatus } from './SyncStatus.tsx';

function ClosedChat({ banned }: { banned: boolean }) {
  return banned ? (
    <Alert color="red" title="You can no longer chat here" role="alert">
      A moderator removed you from this session. You can keep watching.
    </Alert>
  ) : (
    <Alert color="gray" title="Chat is off">
      The host has turned the chat off for now.
    </Alert>
  );
}

export function ChatPanel() {
  const { session, me, banned, syncWithVideo, setSyncWithVideo } = useEngage();
  const chat = useChatMessages();
  const open = session.settings.chat_enabled && !banned;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="chat-title">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={3} size="h4" id="chat-title">
            Chat
          </Title>
          <Switch
            size="xs"
            label="Sync chat with video"
            checked={syncWithVideo}
            onChange={(event) => setSyncWithVideo(event.currentTarget.checked)}
          />
        </Group>
        {syncWithVideo && <SyncStatus heldCount={chat.heldCount} />}
        <ChatList
          messages={chat.messages}
          myUserId={me?.id}
          hasOlder={chat.history.hasNextPage}
          loadingOlder={chat.history.isFetchingNextPage}
          onLoadOlder={() => void chat.history.fetchNextPage()}
          emptyText={
            !open
              ? 'No messages.'
              : me
                ? 'No messages yet. Say hello!'
                : 'Messages sent from now on show here.'
          }
          height={320}
        />
        {chat.history.isError && (
          <Text size="xs" c="red">
            Earlier messages could not be loaded.
          </Text>
        )}
        {open ? <ChatComposer onSent={chat.addOwn} /> : <ClosedChat banned={banned} />}
      </Stack>
    </Paper>
  );
}
