// The root of every client route: the app's frame and its own not-found page. Each area of the
// app (the watch pages, the dashboard, admin) hangs its routes from it in a file of its own.
import { createRootRoute } from '@tanstack/react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

export const rootRoute = createRootRoute({
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});
