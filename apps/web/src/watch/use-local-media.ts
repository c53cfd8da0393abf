// The stage guest's own camera and microphone: the stream from getUserMedia for the chosen
// devices, the devices to choose from, and switching each track on or off. Every track stops
// when the stream is replaced and when the panel goes (leaving or being taken off the stage).
import { useEffect, useState } from 'react';

export interface LocalMediaChoice {
  cameraId: string | null;
  microphoneId: string | null;
  wantVideo: boolean;
  wantAudio: boolean;
}

const deviceConstraint = (id: string | null): MediaTrackConstraints | boolean =>
  id ? { deviceId: { exact: id } } : true;

export function useLocalMedia(choice: LocalMediaChoice) {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { cameraId, microphoneId, wantVideo, wantAudio } = choice;

  useEffect(() => {
    if (!wantVideo && !wantAudio) return setStream(null);
    let cancelled = false;
    let opened: MediaStream | null = null;
    navigator.mediaDevices
      .getUserMedia({
        video: wantVideo && deviceConstraint(cameraId),
        audio: wantAudio && deviceConstraint(microphoneId),
      })
      .then(async (media) => {
        opened = media;
        if (cancelled) return media.getTracks().forEach((track) => track.stop());
        setError(null);
        setStream(media);
        setDevices(await navigator.mediaDevices.enumerateDevices());
      })
      .catch((failure: unknown) => {
        if (cancelled) return;
        setStream(null);
        setError(
          failure instanceof DOMException && failure.name === 'NotAllowedError'
            ? 'The browser was not allowed to use the camera or microphone.'
            : 'The camera or microphone could not be started.',
        );
      });
    return () => {
      cancelled = true;
      opened?.getTracks().forEach((track) => track.stop());
    };
  }, [cameraId, microphoneId, wantVideo, wantAudio]);

  return {
    stream,
    error,
    cameras: devices.filter((d) => d.kind === 'videoinput'),
    microphones: devices.filter((d) => d.kind === 'audioinput'),
  };
}
