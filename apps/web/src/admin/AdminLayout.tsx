// The frame of every admin page: for admins only.
import { Outlet } from '@tanstack/react-router';
import { RequireRole } from '../auth/RequireRole.tsx';

export function AdminLayout() {
  return (
    <RequireRole roles={['admin']} who="admins">
      <Outlet />
    </RequireRole>
  );
}
