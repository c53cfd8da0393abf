// The browser studio at /sessions/{id}/live?code=…: a chunk of its own (the watch page's first
// load never carries it).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root-route.tsx';

export function studioRoutes() {
  return createRoute({
    getParentRoute: () => rootRoute,
    path: '/sessions/$sessionId/live',
    validateSearch: (search: Record<string, unknown>): { code?: string } =>
      typeof search.code === 'string' ? { code: search.code } : {},
    component: lazyRouteComponent(() => import('./StudioPage.tsx'), 'StudioPage'),
  });
}
