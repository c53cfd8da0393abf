// The admin dashboard: users, storage, what is live now and the rooms and libraries, one tab
// each (a tab's data loads when it opens).
import { Stack, Tabs, Title } from '@mantine/core';
import { LiveSessionsPanel } from './LiveSessionsPanel.tsx';
import { RoomsPanel } from './RoomsPanel.tsx';
import { StoragePanel } from './StoragePanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';

export function AdminHome() {
  return (
    <Stack gap="lg">
      <Title order={2}>Admin</Title>
      <Tabs
        defaultValue="users"
        keepMounted={false}
        // Four tabs in one row down to a 360 px phone.
        styles={{ tab: { paddingInline: 'var(--mantine-spacing-sm)' } }}
      >
        <Tabs.List>
          <Tabs.Tab value="users">Users</Tabs.Tab>
          <Tabs.Tab value="storage">Storage</Tabs.Tab>
          <Tabs.Tab value="live">Live now</Tabs.Tab>
          <Tabs.Tab value="rooms">Rooms</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" pt="lg">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="storage" pt="lg">
          <StoragePanel />
        </Tabs.Panel>
        <Tabs.Panel value="live" pt="lg">
          <LiveSessionsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="rooms" pt="lg">
          <RoomsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
