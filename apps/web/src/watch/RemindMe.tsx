// "Remind me" on a scheduled session: a toggle of the room's reminder subscription for a signed-in
// person ("Reminder set" while on); for an anonymous visitor, a link to sign in and come back.
import { Button, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation } from '@tanstack/react-router';
import { messageOf } from '@vidinfra/ui';
import { IconBell, IconBellCheck } from '@tabler/icons-react';
import { api } from '../api.ts';
import { useMe } from '../auth/use-me.ts';
import { ButtonLink } from '../components/ButtonLink.tsx';

function ReminderToggle({ roomId }: { roomId: string }) {
  const queryClient = useQueryClient();
  const key = ['rooms', roomId, 'reminders', 'me'];
  const status = useQuery({
    queryKey: key,
    queryFn: () => api.reminders.me.query({ id: roomId }),
  });
  const toggle = useMutation({
    mutationFn: (on: boolean) =>
      on
        ? api.reminders.subscribe.mutate({ id: roomId })
        : api.reminders.unsubscribe.mutate({ id: roomId }),
    onSuccess: (next) => queryClient.setQueryData(key, next),
  });
  const subscribed = status.data?.subscribed ?? false;
  const error = status.error ?? toggle.error;
  return (
    <>
      <Button
        variant={subscribed ? 'light' : 'filled'}
        leftSection={subscribed ? <IconBellCheck size={18} /> : <IconBell size={18} />}
        aria-pressed={subscribed}
        loading={status.isPending || toggle.isPending}
        onClick={() => toggle.mutate(!subscribed)}
      >
        {subscribed ? 'Reminder set' : 'Remind me'}
      </Button>
      {subscribed && (
        <Text size="sm" c="dimmed">
          You will be reminded before this room&apos;s sessions start. Press again to stop.
        </Text>
      )}
      {error && (
        <Text size="sm" c="red" role="alert">
          {messageOf(error)}
        </Text>
      )}
    </>
  );
}

export function RemindMe({ roomId }: { roomId: string }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return null;
  if (!me.data)
    return (
      <ButtonLink
        to="/signin"
        search={{ redirect: location.href }}
        variant="default"
        leftSection={<IconBell size={18} />}
      >
        Remind me
      </ButtonLink>
    );
  return <ReminderToggle roomId={roomId} />;
}
