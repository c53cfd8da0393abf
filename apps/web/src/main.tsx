// The web app's entry: Mantine (light or dark as the OS says), TanStack Query for the API's
// data (the API client given to the shared hooks), TanStack Router for the pages.
import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { ApiContext, theme, type ApiServices } from '@vidinfra/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, authSession } from './api.ts';
import { queryClient } from './query-client.ts';
import { router } from './router.tsx';

// The shared hooks (chat, polls, the realtime feed, the studio) talk to this page's own server.
const apiServices: ApiServices = { api, authSession, serverOrigin: window.location.origin };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <QueryClientProvider client={queryClient}>
        <ApiContext.Provider value={apiServices}>
          <RouterProvider router={router} />
        </ApiContext.Provider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
