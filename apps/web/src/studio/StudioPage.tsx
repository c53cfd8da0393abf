// The studio's entry: the one-time code in the URL is exchanged for the host's login and removed
// from the address bar; an expired or used code, or nobody signed in, gets a page that says so
// with a way to sign in. Then the studio itself (@vidinfra/studio, as the desktop renderer mounts
// it), with this app's API client and the signed-in host.
import { Stack, Text, Title } from '@mantine/core';
import { exchangeCode, StudioRoom, StudioServicesProvider } from '@vidinfra/studio';
import { Loading } from '@vidinfra/ui';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { webApiServices as apiServices } from '../api-services.ts';
import { useMe, useSignIn } from '../auth/use-me.ts';
import { ButtonLink } from '../components/ButtonLink.tsx';

type Entry =
  { status: 'exchanging' } | { status: 'ready' } | { status: 'refused'; message: string };

const DASHBOARD_LINK = <ButtonLink to="/dashboard">Back to the dashboard</ButtonLink>;

export function StudioPage() {
  const { sessionId } = useParams({ from: '/sessions/$sessionId/live' });
  const { code } = useSearch({ from: '/sessions/$sessionId/live' });
  const navigate = useNavigate();
  const { signedIn } = useSignIn();
  const me = useMe();
  const [entry, setEntry] = useState<Entry>(() =>
    code ? { status: 'exchanging' } : { status: 'ready' },
  );

  useEffect(() => {
    if (!code) return;
    // The code is a credential: off the address bar (and the history) at once.
    void navigate({
      to: '/sessions/$sessionId/live',
      params: { sessionId },
      search: {},
      replace: true,
    });
    void exchangeCode(apiServices.api, code).then((result) => {
      if (result.ok) {
        signedIn(result.tokens);
        setEntry({ status: 'ready' });
      } else setEntry({ status: 'refused', message: result.message });
    });
    // once per code
  }, [code]);

  if (entry.status === 'refused') {
    return (
      <SignInNeeded
        sessionId={sessionId}
        title="This studio link cannot be used"
        message={entry.message}
      />
    );
  }
  if (entry.status === 'exchanging' || me.isPending) return <Loading label="Opening the studio" />;
  if (!me.data) {
    return (
      <SignInNeeded
        sessionId={sessionId}
        title="Sign in to open the studio"
        message="The studio is for the session's host. Sign in, or open a new studio link from your dashboard."
      />
    );
  }
  return (
    <StudioServicesProvider
      services={{ ...apiServices, me: me.data, dashboardLink: DASHBOARD_LINK }}
    >
      <StudioRoom sessionId={sessionId} />
    </StudioServicesProvider>
  );
}

function SignInNeeded({
  sessionId,
  title,
  message,
}: {
  sessionId: string;
  title: string;
  message: string;
}) {
  return (
    <Stack align="center" gap="md" py="xl" ta="center" maw={520} mx="auto">
      <Title order={2}>{title}</Title>
      <Text c="dimmed">{message}</Text>
      <ButtonLink to="/signin" search={{ redirect: `/sessions/${sessionId}/live` }}>
        Sign in to the studio
      </ButtonLink>
    </Stack>
  );
}
