// The shared hooks' API (packages/ui's ApiContext, the studio's services): this app's own client,
// on this page's origin. Given where those hooks are mounted (the watch page's engagement panels,
// the studio), both loaded lazily, so the first load does not carry it.
import type { ApiServices } from '@vidinfra/ui';
import { api, authSession } from './api.ts';

export const webApiServices: ApiServices = {
  api,
  authSession,
  serverOrigin: window.location.origin,
};
