// This browser's guest (a device token and a display name), kept in localStorage — in memory
// where a framing site blocks storage — and signed in through the app's one login.
import { createGuestIdentity, guestDeviceStore } from '@vidinfra/api-client';
import { authSession } from '../api.ts';

export const guest = createGuestIdentity({
  apiUrl: new URL('/api', window.location.origin).href,
  session: authSession,
  store: guestDeviceStore(() => window.localStorage, 'vidinfra.guest'),
});
