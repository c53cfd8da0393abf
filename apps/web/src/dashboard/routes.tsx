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
  const room = createRoute({
    getParentRoute: () => dashboard,
    path: '/rooms/$roomId',
    component: lazyRouteComponent(() => import('./RoomPage.tsx'), 'RoomPage'),
  });
  const session = createRoute({
    getParentRoute: () => dashboard,
    path: '/sessions/$sessionId',
    component: lazyRouteComponent(() => import('./SessionPage.tsx'), 'SessionPage'),
  });
  const recordings = createRoute({
    getParentRoute: () => dashboard,
    path: '/recordings',
    component: lazyRouteComponent(() => import('./RecordingsPage.tsx'), 'RecordingsPage'),
  });
  const presets = createRoute({
    getParentRoute: () => dashboard,
    path: '/presets',
    component: lazyRouteComponent(() => import('./PresetsPage.tsx'), 'PresetsPage'),
  });
  const libraries = createRoute({
    getParentRoute: () => dashboard,
    path: '/libraries',
    component: lazyRouteComponent(() => import('./LibrariesPage.tsx'), 'LibrariesPage'),
  });
  const library = createRoute({
    getParentRoute: () => dashboard,
    path: '/libraries/$libraryId',
    component: lazyRouteComponent(() => import('./LibraryPage.tsx'), 'LibraryPage'),
  });
  return dashboard.addChildren([home, room, session, recordings, presets, libraries, library]);
}
