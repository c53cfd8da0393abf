// The studio's camera and microphone as React state: opened with the remembered choice, reopened
// when the host picks another, stopped on unmount; a failure is a sentence, never a blank video.
import { useCallback, useEffect, useState } from 'react';
import {
  captureConstraints,
  captureErrorMessage,
  listDevices,
  loadChoice,
  saveChoice,
  stopTracks,
  type DeviceChoice,
  type DeviceLists,
} from '../devices.ts';

const storage = () => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

export type DevicesState =
  | { status: 'opening' }
  | { status: 'ready'; stream: MediaStream }
  | { status: 'error'; message: string }
  | { status: 'stopped' };

export function useDevices() {
  const [choice, setChoice] = useState<DeviceChoice>(() => loadChoice(storage()));
  const [lists, setLists] = useState<DeviceLists>({ cameras: [], mics: [] });
  const [state, setState] = useState<DevicesState>({ status: 'opening' });
  const [attempt, setAttempt] = useState(0);
  const [stopped, setStopped] = useState(false);

  useEffect(() => {
    if (stopped) {
      setState({ status: 'stopped' });
      return;
    }
    let opened: MediaStream | null = null;
    let cancelled = false;
    setState({ status: 'opening' });
    const open = async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        throw Object.assign(new Error('no media devices'), { name: 'SecurityError' });
      }
      try {
        return await navigator.mediaDevices.getUserMedia(captureConstraints(choice));
      } catch (error) {
        // A remembered device that is gone: fall back to the default ones.
        if (
          (error as Error).name !== 'OverconstrainedError' &&
          (error as Error).name !== 'NotFoundError'
        )
          throw error;
        if (!choice.cameraId && !choice.micId) throw error;
        return await navigator.mediaDevices.getUserMedia(
          captureConstraints({ cameraId: null, micId: null }),
        );
      }
    };
    open()
      .then(async (stream) => {
        if (cancelled) return stopTracks(stream);
        opened = stream;
        setState({ status: 'ready', stream });
        setLists(await listDevices(navigator.mediaDevices));
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ status: 'error', message: captureErrorMessage(error) });
      });
    return () => {
      cancelled = true;
      stopTracks(opened);
    };
  }, [choice, attempt, stopped]);

  const choose = useCallback((next: Partial<DeviceChoice>) => {
    setChoice((current) => {
      const merged = { ...current, ...next };
      saveChoice(storage(), merged);
      return merged;
    });
  }, []);

  const current = state.status === 'ready' ? state.stream : null;
  const selected: DeviceChoice = {
    cameraId: current?.getVideoTracks()[0]?.getSettings().deviceId ?? choice.cameraId,
    micId: current?.getAudioTracks()[0]?.getSettings().deviceId ?? choice.micId,
  };

  return {
    state,
    lists,
    selected,
    choose,
    retry: () => setAttempt((n) => n + 1),
    /** Turns the camera and microphone off for good (the session is over). */
    stop: () => setStopped(true),
  };
}
