// How the API's data is cached: a session's status changes while a page is open, so reads
// refetch in the background; a refused or missing resource is not retried.
import { QueryClient } from '@tanstack/react-query';
import { apiErrorOf } from '@vidinfra/api-client';

const SETTLED = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHORIZED', 'VALIDATION_ERROR']);

/** An answer that asking again will not change (refused, missing, malformed). */
export const isSettledError = (error: unknown) => SETTLED.has(apiErrorOf(error)?.code ?? '');

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      retry: (failures, error) => !isSettledError(error) && failures < 2,
    },
  },
});
