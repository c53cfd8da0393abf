// Sharing a screen: getDisplayMedia in a browser (the browser's own picker). In the desktop app
// the host first picks a source in the studio's picker (the bridge's list); the app then hands
// that source to the next getDisplayMedia call.
import { hostBridge } from './host-bridge.ts';

/** The desktop app offers its own list of screens and windows. */
export const hasScreenSourcePicker = () => typeof hostBridge()?.listScreenSources === 'function';

export async function captureScreen(sourceId?: string, frameRate = 30): Promise<MediaStream> {
  if (sourceId) await hostBridge()?.chooseScreenSource(sourceId);
  if (!navigator.mediaDevices?.getDisplayMedia)
    throw Object.assign(new Error('no display capture'), { name: 'NotSupportedError' });
  return navigator.mediaDevices.getDisplayMedia({
    video: { frameRate: { ideal: frameRate } },
    audio: true,
  });
}

/** The host closed the picker without choosing: nothing to say. */
export const shareCancelled = (error: unknown) =>
  (error as { name?: string } | null)?.name === 'NotAllowedError' ||
  (error as { name?: string } | null)?.name === 'AbortError';

export function screenShareErrorMessage(error: unknown): string {
  switch ((error as { name?: string } | null)?.name) {
    case 'NotSupportedError':
      return 'This browser cannot share a screen. Try a recent Chrome, Edge or Firefox on a computer.';
    case 'NotReadableError':
      return 'The screen could not be captured: the system refused it. Check the screen-recording permission, then try again.';
    default:
      return 'The screen could not be shared. Try again.';
  }
}
