// The app's one typed client of the contract, on this page's origin (the API serves the app).
import { createApiClient } from '@vidinfra/api-client';

export const api = createApiClient({ trpcUrl: new URL('/trpc', window.location.origin).href });
