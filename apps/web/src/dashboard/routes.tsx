// The host dashboard's pages under /dashboard, for hosts and admins. They load only here, as one
// chunk with one dynamic import (pages.ts): the app's entry carries one preload list for the
// whole dashboard rather than one per page.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root-route.tsx';

const pages = () => import('./pages.ts');

export function dashboardRoutes() {
  const dashboard = createRoute({
    getParentRoute: () => rootRoute,
    path: '/dashboard',
    component: lazyRouteComponent(pages, 'DashboardLayout'),
  });
  const parent = { getParentRoute: () => dashboard };
  return dashboard.addChildren([
    createRoute({ ...parent, path: '/', component: lazyRouteComponent(pages, 'DashboardHome') }),
    createRoute({
      ...parent,
      path: '/rooms/$roomId',
      component: lazyRouteComponent(pages, 'RoomPage'),
    }),
    createRoute({
      ...parent,
      path: '/sessions/$sessionId',
      component: lazyRouteComponent(pages, 'SessionPage'),
    }),
    createRoute({
      ...parent,
      path: '/recordings',
      component: lazyRouteComponent(pages, 'RecordingsPage'),
    }),
    createRoute({
      ...parent,
      path: '/presets',
      component: lazyRouteComponent(pages, 'PresetsPage'),
    }),
    createRoute({
      ...parent,
      path: '/libraries',
      component: lazyRouteComponent(pages, 'LibrariesPage'),
    }),
    createRoute({
      ...parent,
      path: '/libraries/$libraryId',
      component: lazyRouteComponent(pages, 'LibraryPage'),
    }),
  ]);
}
