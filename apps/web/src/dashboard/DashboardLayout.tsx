// The frame of every host dashboard page: for hosts and admins only.
import { Outlet } from '@tanstack/react-router';
import { RequireRole } from '../auth/RequireRole.tsx';

export function DashboardLayout() {
  return (
    <RequireRole roles={['host', 'admin']} who="hosts">
      <Outlet />
    </RequireRole>
  );
}
