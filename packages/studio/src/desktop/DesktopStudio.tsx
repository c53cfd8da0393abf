// The desktop studio's renderer: the server the host chose (asked on first run), then a studio
// link from the `vidinfra-studio://` deep link ({server, session_id, code}, confirmed by the host
// in the main process), its one-time code exchanged against that server, then the same studio as
// the browser's for that session. Without the desktop app's bridge it says where it belongs.
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import type { StudioJoinLink, UserResponse } from '@vidinfra/domain';
import { Loading } from '@vidinfra/ui';
import { useEffect, useState, type ReactNode } from 'react';
import { hostBridge } from '../host-bridge.ts';
import { exchangeCode } from '../room/exchange-code.ts';
import { StudioServicesProvider, type StudioServices } from '../room/studio-services.tsx';
import { StudioRoom } from '../room/StudioRoom.tsx';
import { HostAppVersion } from '../ui/HostAppVersion.tsx';
import { serverClient } from './server-client.ts';
import { ServerChoice } from './ServerChoice.tsx';

type Stage =
  | { step: 'loading' }
  | { step: 'choose-server' }
  | { step: 'waiting'; server: string }
  | { step: 'opening'; server: string }
  | { step: 'refused'; server: string; message: string }
  | { step: 'ready'; sessionId: string; services: StudioServices };

export function DesktopStudio() {
  const host = hostBridge();
  const [stage, setStage] = useState<Stage>({ step: 'loading' });

  useEffect(() => {
    if (!host) return;
    let current = true;
    void host.getServer().then(
      (server) =>
        current && setStage(server ? { step: 'waiting', server } : { step: 'choose-server' }),
      () => current && setStage({ step: 'choose-server' }),
    );
    const unsubscribe = host.onJoinLink((link) => void open(link));
    async function open(link: StudioJoinLink) {
      setStage({ step: 'opening', server: link.server });
      const client = serverClient(link.server);
      const exchange = await exchangeCode(client.api, link.code);
      if (!current) return;
      if (!exchange.ok) {
        setStage({ step: 'refused', server: link.server, message: exchange.message });
        return;
      }
      client.authSession.signedIn(exchange.tokens);
      let me: UserResponse;
      try {
        me = await client.api.auth.me.query({});
      } catch {
        if (current)
          setStage({
            step: 'refused',
            server: link.server,
            message: 'The server did not answer who is signed in. Open the studio link again.',
          });
        return;
      }
      if (!current) return;
      const dashboard = new URL('/dashboard', link.server).href;
      setStage({
        step: 'ready',
        sessionId: link.session_id,
        services: {
          ...client,
          me,
          // An https link opens in the system browser (the app's navigation guard).
          dashboardLink: (
            <Anchor href={dashboard} target="_blank" rel="noreferrer">
              Open the dashboard
            </Anchor>
          ),
        },
      });
    }
    return () => {
      current = false;
      unsubscribe();
    };
  }, [host]);

  if (!host)
    return (
      <Notice title="This is the desktop studio">
        <Text c="dimmed">
          It runs inside the VidInfra Studio app. In a browser, open the studio from your
          session&apos;s page on the dashboard.
        </Text>
      </Notice>
    );
  switch (stage.step) {
    case 'loading':
      return <Loading label="Starting the studio" />;
    case 'choose-server':
      return (
        <ServerChoice host={host} onChosen={(server) => setStage({ step: 'waiting', server })} />
      );
    case 'waiting':
      return <WaitingForLink server={stage.server} />;
    case 'opening':
      return <Loading label="Opening the studio" />;
    case 'refused':
      return (
        <Notice title="This studio link cannot be used">
          <Text c="dimmed">{stage.message}</Text>
          <Text c="dimmed">Open a new studio link from your dashboard on {stage.server}.</Text>
        </Notice>
      );
    case 'ready':
      return (
        <StudioServicesProvider services={stage.services}>
          <StudioRoom sessionId={stage.sessionId} />
        </StudioServicesProvider>
      );
  }
}

function WaitingForLink({ server }: { server: string }) {
  return (
    <Notice title="Open a studio link from your dashboard">
      <Text c="dimmed">The studio streams to {server}. To go live:</Text>
      <List type="ordered" ta="left" spacing="xs">
        <List.Item>Sign in to {server} in your browser and open your session.</List.Item>
        <List.Item>
          Open its desktop studio link (it starts with vidinfra-studio://); it works once, for 60
          seconds.
        </List.Item>
        <List.Item>Confirm the link here: the studio opens that session.</List.Item>
      </List>
    </Notice>
  );
}

function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack align="center" gap="md" py="xl" px="md" ta="center" maw={560} mx="auto">
      <Title order={2}>{title}</Title>
      {children}
      <HostAppVersion />
    </Stack>
  );
}
