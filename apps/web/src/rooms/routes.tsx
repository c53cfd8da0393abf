// A room's public page at /rooms/{id}; its chunk loads only there.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root-route.tsx';

export function roomRoutes() {
  return createRoute({
    getParentRoute: () => rootRoute,
    path: '/rooms/$roomId',
    component: lazyRouteComponent(() => import('./RoomPage.tsx'), 'RoomPage'),
  });
}
