// The embed route: a session's player alone, for other sites' iframes (the server lets only
// this path be framed). Its chunk loads only here.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root-route.tsx';

export function embedRoutes() {
  return createRoute({
    getParentRoute: () => rootRoute,
    path: '/embed/sessions/$sessionId',
    component: lazyRouteComponent(() => import('./EmbedPage.tsx'), 'EmbedPage'),
  });
}
