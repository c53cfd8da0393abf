// The typed tRPC client of the contract: every procedure with its input and output types from
// the API's router type (a type-only import: no server code reaches the browser). Requests carry
// the signed-in access token; one that comes back 401 is sent once more after a refresh.
import type { AppRouter } from '@vidinfra/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AuthSession } from './auth-session.ts';

export interface ApiClientOptions {
  /** Where tRPC answers, e.g. `https://live.example.com/trpc`. */
  trpcUrl: string;
  session?: AuthSession;
  fetch?: typeof fetch;
}

const withToken = (init: RequestInit | undefined, token: string | null): RequestInit => {
  const headers = new Headers(init?.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  else headers.delete('authorization');
  return { ...init, headers };
};

/** fetch that signs each request and, on a 401, refreshes the login and tries once more. */
export const authenticatedFetch =
  (session: AuthSession, send: typeof fetch = globalThis.fetch): typeof fetch =>
  async (input, init) => {
    const sentWith = session.accessToken();
    const first = await send(input, withToken(init, sentWith));
    if (first.status !== 401 || !sentWith) return first;
    const renewed = await session.refresh();
    return renewed ? send(input, withToken(init, renewed)) : first;
  };

export function createApiClient({ trpcUrl, session, fetch: send }: ApiClientOptions) {
  const fetchFn = session ? authenticatedFetch(session, send) : send;
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: trpcUrl, ...(fetchFn && { fetch: fetchFn }) })],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
