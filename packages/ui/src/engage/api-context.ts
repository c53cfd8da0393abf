// The API a page's shared hooks (chat, polls, the realtime feed, the studio) talk to, given by the
// app that mounts them: the web app its same-origin client, the desktop studio a client of the
// server the host chose.
import type { ApiClient, AuthSession } from '@vidinfra/api-client';
import { createContext, useContext } from 'react';

export interface ApiServices {
  /** The typed tRPC client. */
  api: ApiClient;
  /** Whoever the client is signed in as; the realtime connection presents its token. */
  authSession: AuthSession;
  /** The server's origin (Socket.IO connects there). */
  serverOrigin: string;
}

export const ApiContext = createContext<ApiServices | null>(null);

export function useApiServices(): ApiServices {
  const services = useContext(ApiContext);
  if (!services) throw new Error('useApiServices outside an ApiContext provider');
  return services;
}

/** The typed tRPC client of the page's server. */
export const useApi = () => useApiServices().api;
