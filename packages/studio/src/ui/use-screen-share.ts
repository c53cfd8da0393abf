// The shared screen as React state: started from the host's click, stopped by the host or by the
// browser's own "Stop sharing" (the track ends), always released on unmount.
import { useCallback, useEffect, useRef, useState } from 'react';
import { stopTracks } from '../devices.ts';
import { captureScreen, screenShareErrorMessage, shareCancelled } from '../screen-share.ts';

export function useScreenShare(frameRate = 30) {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<MediaStream | null>(null);

  const stop = useCallback(() => {
    stopTracks(current.current);
    current.current = null;
    setStream(null);
  }, []);

  const start = useCallback(
    async (sourceId?: string) => {
      setBusy(true);
      setError(null);
      try {
        const next = await captureScreen(sourceId, frameRate);
        stopTracks(current.current);
        current.current = next;
        next.getVideoTracks()[0]?.addEventListener('ended', () => {
          if (current.current !== next) return;
          stopTracks(next);
          current.current = null;
          setStream(null);
        });
        setStream(next);
      } catch (failure) {
        if (!shareCancelled(failure)) setError(screenShareErrorMessage(failure));
      } finally {
        setBusy(false);
      }
    },
    [frameRate],
  );

  useEffect(() => () => stopTracks(current.current), []);

  return { stream, busy, error, start, stop };
}
