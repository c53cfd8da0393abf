// The Chat tab: the same live list as viewers (staff badges, deletes) with a menu on each message
// (delete, ban its author, bring them on stage), the host's own box to write in, and the chat's
// settings (on / off, slow mode).
import { Alert, Stack, Text } from '@mantine/core';
import { ChatList, type ChatListMessage } from '@vidinfra/ui';
import { useState } from 'react';
import { ChatComposer } from '@vidinfra/ui';
import { useEngage } from '@vidinfra/ui';
import { useChatMessages } from '@vidinfra/ui';
import { ChatSettings } from './ChatSettings.tsx';
import { BanDialog, DeleteMessageDialog, MessageMenu } from './MessageModeration.tsx';

type Pending = { kind: 'delete' | 'ban'; message: ChatListMessage } | null;
/** What the last moderation did, or why it failed. */
type Notice = { text: string; failed: boolean } | null;

export function StudioChat() {
  const { session, me } = useEngage();
  const chat = useChatMessages();
  const [pending, setPending] = useState<Pending>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const close = () => setPending(null);

  return (
    <Stack gap="xs">
      <ChatSettings />
      <ChatList
        messages={chat.messages}
        myUserId={me?.id}
        hasOlder={chat.history.hasNextPage}
        loadingOlder={chat.history.isFetchingNextPage}
        onLoadOlder={() => void chat.history.fetchNextPage()}
        emptyText="No messages yet"
        height={320}
        actions={(message) => (
          <MessageMenu
            sessionId={session.id}
            message={message}
            mine={message.user_id === me?.id}
            onDelete={() => setPending({ kind: 'delete', message })}
            onBan={() => setPending({ kind: 'ban', message })}
            onNotice={(text, failed) => setNotice({ text, failed })}
          />
        )}
      />
      {chat.history.isError && (
        <Text size="xs" c="red" role="alert">
          Earlier messages could not be loaded.
        </Text>
      )}
      {notice &&
        (notice.failed ? (
          <Alert
            color="red"
            role="alert"
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setNotice(null)}
            p="xs"
          >
            {notice.text}
          </Alert>
        ) : (
          <Text size="xs" c="dimmed" role="status">
            {notice.text}
          </Text>
        ))}
      <ChatComposer onSent={chat.addOwn} />
      <DeleteMessageDialog
        sessionId={session.id}
        message={pending?.kind === 'delete' ? pending.message : null}
        onClose={close}
      />
      <BanDialog
        sessionId={session.id}
        message={pending?.kind === 'ban' ? pending.message : null}
        onClose={close}
        onBanned={(text) => setNotice({ text, failed: false })}
      />
    </Stack>
  );
}
