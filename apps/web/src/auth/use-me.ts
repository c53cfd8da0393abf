// Who is signed in: the account behind the stored login, or null when nobody is.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Tokens } from '@vidinfra/api-client';
import type { UserResponse } from '@vidinfra/domain';
import { api, authSession } from '../api.ts';

const ME_KEY = ['auth', 'me'] as const;

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<UserResponse | null> =>
      authSession.accessToken() ? await api.auth.me.query({}) : null,
    staleTime: 60_000,
  });
}

/** Sign in or out: store (or drop) the tokens and let every page see the new account. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return {
    signedIn(tokens: Tokens) {
      authSession.signedIn(tokens);
      void queryClient.resetQueries();
    },
    async signOut() {
      const refreshToken = authSession.refreshToken();
      if (refreshToken)
        await api.auth.logout.mutate({ refresh_token: refreshToken }).catch(() => {});
      authSession.signedOut();
      void queryClient.resetQueries();
    },
  };
}
