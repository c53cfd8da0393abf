// Camera, microphone and screen capture for the studio's own pages only; every other permission,
// and every permission for any other origin, is denied. Chromium asks twice (a request when a page
// calls getUserMedia, a check when it only queries), so both handlers share one rule.
import type { Session } from 'electron';
import { isAppUrl } from './app-origin.ts';
import type { ScreenSources } from './screen-sources.ts';

const ALLOWED = new Set(['media', 'display-capture']);
const MEDIA_TYPES = new Set(['video', 'audio']);

/** The studio's rule: media and display capture, for app://studio, nothing else. */
export function isPermissionAllowed(
  permission: string,
  origin: string | null | undefined,
  mediaTypes: readonly string[] = [],
): boolean {
  if (!ALLOWED.has(permission) || !isAppUrl(origin)) return false;
  return mediaTypes.every((type) => MEDIA_TYPES.has(type));
}

export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDisplayMediaRequestHandler'
>;

export function installPermissionHandlers(session: PermissionSession): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(
      isAppUrl(webContents.getURL()) &&
        isPermissionAllowed(permission, details.requestingUrl, mediaTypes),
    );
  });
  session.setPermissionCheckHandler((webContents, permission, requestingOrigin, details) => {
    if (webContents && !isAppUrl(webContents.getURL())) return false;
    const mediaType = 'mediaType' in details ? details.mediaType : undefined;
    const mediaTypes = mediaType && mediaType !== 'unknown' ? [mediaType] : [];
    return isPermissionAllowed(permission, requestingOrigin, mediaTypes);
  });
}

/**
 * getDisplayMedia() in the studio captures the source its own picker chose (passed through the
 * bridge); a request from anywhere else, or with nothing chosen, is denied.
 */
export function installDisplayMediaHandler(
  session: PermissionSession,
  sources: Pick<ScreenSources, 'take'>,
): void {
  session.setDisplayMediaRequestHandler((request, callback) => {
    // null is Electron's "denied" (an empty object throws "Video was requested, but no video
    // stream was provided" in the main process); the page's getDisplayMedia() rejects.
    if (!isAppUrl(request.securityOrigin) || !isAppUrl(request.frame?.url)) {
      callback(null);
      return;
    }
    const source = sources.take();
    callback(source ? { video: source } : null);
  });
}
