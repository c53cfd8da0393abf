// The desktop studio renderer's entry (index.html): Mantine (light or dark as the OS says) and
// TanStack Query, as in the web app, around the desktop studio.
import '@mantine/core/styles.css';
import { Box, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { theme } from '@vidinfra/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DesktopStudio } from './DesktopStudio.tsx';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1 } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <QueryClientProvider client={queryClient}>
        <Box component="main" p="md">
          <DesktopStudio />
        </Box>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
