// The client routes (code routes): home, sign-in, the watch page, the host dashboard and admin,
// and the app's own not-found page for any other path. Each page is a chunk of its own: the
// watch page's first load carries only what it shows.
import { createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { adminRoutes } from './admin/routes.tsx';
import { dashboardRoutes } from './dashboard/routes.tsx';
import { embedRoutes } from './embed/routes.tsx';
import { rootRoute } from './root-route.tsx';
import { roomRoutes } from './rooms/routes.tsx';
import { studioRoutes } from './studio/routes.tsx';

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./pages/HomePage.tsx'), 'HomePage'),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signin',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  component: lazyRouteComponent(() => import('./pages/SignInPage.tsx'), 'SignInPage'),
});

const watchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sessions/$sessionId',
  component: lazyRouteComponent(() => import('./pages/WatchPage.tsx'), 'WatchPage'),
});

export const router = createRouter({
  routeTree: rootRoute.addChildren([
    homeRoute,
    signInRoute,
    watchRoute,
    dashboardRoutes(),
    adminRoutes(),
    roomRoutes(),
    embedRoutes(),
    studioRoutes(),
  ]),
  defaultPreload: 'intent',
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
