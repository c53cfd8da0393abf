// The camera and microphone: which exist, which one the host picked (remembered in the
// browser's storage), and opening them — with a sentence a host understands when it fails.

export interface DeviceChoice {
  cameraId: string | null;
  micId: string | null;
}

export interface DeviceLists {
  cameras: MediaDeviceInfo[];
  mics: MediaDeviceInfo[];
}

const CHOICE_KEY = 'vidinfra.studio.devices';

interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The remembered choice; storage may be blocked (a third-party iframe): then nothing. */
export function loadChoice(storage: KeyValueStorage | null): DeviceChoice {
  try {
    const saved = JSON.parse(
      storage?.getItem(CHOICE_KEY) ?? 'null',
    ) as Partial<DeviceChoice> | null;
    return { cameraId: saved?.cameraId ?? null, micId: saved?.micId ?? null };
  } catch {
    return { cameraId: null, micId: null };
  }
}

export function saveChoice(storage: KeyValueStorage | null, choice: DeviceChoice) {
  try {
    storage?.setItem(CHOICE_KEY, JSON.stringify(choice));
  } catch {
    // Storage blocked: the choice lasts as long as the page.
  }
}

export async function listDevices(devices: MediaDevices): Promise<DeviceLists> {
  const all = await devices.enumerateDevices();
  return {
    cameras: all.filter((d) => d.kind === 'videoinput' && d.deviceId),
    mics: all.filter((d) => d.kind === 'audioinput' && d.deviceId),
  };
}

export interface Quality {
  width: number;
  height: number;
  frameRate: number;
}

export const DEFAULT_QUALITY: Quality = { width: 1280, height: 720, frameRate: 30 };

export function captureConstraints(choice: DeviceChoice, quality = DEFAULT_QUALITY) {
  return {
    video: {
      ...(choice.cameraId && { deviceId: { exact: choice.cameraId } }),
      width: { ideal: quality.width },
      height: { ideal: quality.height },
      frameRate: { ideal: quality.frameRate },
    },
    audio: {
      ...(choice.micId && { deviceId: { exact: choice.micId } }),
      echoCancellation: true,
      noiseSuppression: true,
    },
  } satisfies MediaStreamConstraints;
}

/** Why the camera or microphone could not be opened, in the host's words. */
export function captureErrorMessage(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'The browser is not allowed to use your camera and microphone. Allow them for this site (the camera icon in the address bar), then try again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera or microphone was found. Connect one, then try again.';
    case 'NotReadableError':
    case 'AbortError':
      return 'Your camera or microphone is in use by another application. Close it, then try again.';
    default:
      return 'The camera and microphone could not be opened. Try again.';
  }
}

/** Stops every track of a stream (the camera light goes off). */
export function stopTracks(stream: MediaStream | null) {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
