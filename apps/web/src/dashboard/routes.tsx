// The host dashboard's pages under /dashboard, for hosts and admins; its chunks load only here.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root-route.tsx';

export function dashboardRoutes() {
  const dashboard = createRoute({
    getParentRoute: () => rootRoute,
    path: '/dashboard',
    component: lazyRouteComponent(() => import('./DashboardLayout.tsx'), 'DashboardLayout'),
  });
  const home = createRoute({
    getParentRoute: () => dashboard,
    path: '/',
    component: lazyRouteComponent(() => import('./DashboardHome.tsx'), 'DashboardHome'),
  });
  return dashboard.addChildren([home]);
}
