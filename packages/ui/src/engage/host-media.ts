// What the host told viewers of their camera and microphone (the `host.video` / `host.audio`
// events): kept per session for the page's life, read by the player's notice. On until told
// otherwise (nothing reads it back on load).
import { useSyncExternalStore } from 'react';

export interface HostMedia {
  video: boolean;
  audio: boolean;
}

const ON: HostMedia = { video: true, audio: true };
const states = new Map<string, HostMedia>();
const listeners = new Set<() => void>();

export function setHostMedia(sessionId: string, kind: keyof HostMedia, enabled: boolean) {
  states.set(sessionId, { ...(states.get(sessionId) ?? ON), [kind]: enabled });
  for (const listener of listeners) listener();
}

export function useHostMedia(sessionId: string): HostMedia {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    () => states.get(sessionId) ?? ON,
  );
}
