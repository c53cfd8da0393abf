// The admin dashboard's pages under /admin, for admins; its chunks load only here.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root-route.tsx';

export function adminRoutes() {
  const admin = createRoute({
    getParentRoute: () => rootRoute,
    path: '/admin',
    component: lazyRouteComponent(() => import('./AdminLayout.tsx'), 'AdminLayout'),
  });
  const home = createRoute({
    getParentRoute: () => admin,
    path: '/',
    component: lazyRouteComponent(() => import('./AdminHome.tsx'), 'AdminHome'),
  });
  return admin.addChildren([home]);
}
