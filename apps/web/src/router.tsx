// The client routes of this slice (code routes): home, the watch page, and the app's own
// not-found page for any other path. Each page is a chunk of its own: the watch page's first load
// carries only what it shows.
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
} from '@tanstack/react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

const rootRoute = createRootRoute({
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./pages/HomePage.tsx'), 'HomePage'),
});

export const watchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sessions/$sessionId',
  component: lazyRouteComponent(() => import('./pages/WatchPage.tsx'), 'WatchPage'),
});

export const router = createRouter({
  routeTree: rootRoute.addChildren([homeRoute, watchRoute]),
  defaultPreload: 'intent',
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
