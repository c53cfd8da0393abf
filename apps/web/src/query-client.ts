// How the API's data is cached: a session's status changes while a page is open, so reads
// refetch in the background; a refused or missing resource is not retried.
import { QueryClient } from '@tanstack/react-query';
import { apiErrorOf } from '@vidinfra/api-client';

const NOT_RETRIED = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHORIZED', 'VALIDATION_ERROR']);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      retry: (failures, error) => !NOT_RETRIED.has(apiErrorOf(error)?.code ?? '') && failures < 2,
    },
  },
});
