// Whether a URL belongs to the studio's own renderer (app://studio). Node's URL gives custom
// schemes the origin "null", so the scheme and host are compared instead.
import { STUDIO_APP_ORIGIN, STUDIO_APP_SCHEME } from '@vidinfra/domain';

const APP_HOST = new URL(STUDIO_APP_ORIGIN).host;

export function isAppUrl(value: string | null | undefined): boolean {
  if (!value) return false;
  try {
    const url = new URL(value);
    return (
      url.protocol === `${STUDIO_APP_SCHEME}:` &&
      url.host === APP_HOST &&
      !url.username &&
      !url.password
    );
  } catch {
    return false;
  }
}
