// The frame of every host dashboard page: for hosts and admins only, with the dashboard's own
// navigation (rooms, recordings, presets, libraries).
import { Group, Stack } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { RequireRole } from '../auth/RequireRole.tsx';
import { AnchorLink } from '../components/AnchorLink.tsx';

const LINKS = [
  { to: '/dashboard', label: 'Rooms' },
  { to: '/dashboard/recordings', label: 'Recordings' },
  { to: '/dashboard/presets', label: 'Presets' },
  { to: '/dashboard/libraries', label: 'Libraries' },
] as const;

function DashboardNav() {
  return (
    <Group component="nav" aria-label="Dashboard" gap="md">
      {LINKS.map((link) => (
        <AnchorLink
          key={link.to}
          to={link.to}
          activeOptions={{ exact: link.to === '/dashboard' }}
          activeProps={{ fw: 700, 'aria-current': 'page' }}
          size="sm"
        >
          {link.label}
        </AnchorLink>
      ))}
    </Group>
  );
}

export function DashboardLayout() {
  return (
    <RequireRole roles={['host', 'admin']} who="hosts">
      <Stack gap="lg">
        <DashboardNav />
        <Outlet />
      </Stack>
    </RequireRole>
  );
}
