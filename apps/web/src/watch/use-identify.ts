// `identify()`: resolves true once someone is signed in — at once when they are, by the known
// guest device, or by asking a new guest's name (the dialog) — and false when they decline.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { guest } from './guest.ts';
import type { RealtimeConnection } from '@vidinfra/api-client';

export function useIdentify(connection: RealtimeConnection) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const answer = useRef<((signedIn: boolean) => void) | null>(null);

  const signedIn = useCallback(() => {
    // Actions sent next go on a connection that is already the new identity's.
    connection.reconnectIfIdentityChanged();
    void queryClient.invalidateQueries({ queryKey: ['auth'] });
  }, [connection, queryClient]);

  const identify = useCallback(async (): Promise<boolean> => {
    if (guest.identified()) return true;
    if (guest.knownName()) {
      try {
        await guest.signIn();
        signedIn();
        return true;
      } catch {
        // Fall through: ask for a name again.
      }
    }
    setAsking(true);
    return new Promise<boolean>((resolve) => (answer.current = resolve));
  }, [signedIn]);

  const onDone = (ok: boolean) => {
    setAsking(false);
    if (ok) signedIn();
    answer.current?.(ok);
    answer.current = null;
  };

  return { identify, asking, onDone };
}
