// Where the studio may connect besides its server: where the server's own pages may (its LiveKit
// server, when it runs that backend). The server says so in the CSP of its pages; the studio reads
// it once per chosen server, so one rule decides for the browser studio and the desktop one.

const ORIGIN_SOURCE = /^(wss?|https?):\/\/[^\s/'"]+$/;

/** The absolute origins in a policy's connect-src other than the server's own. */
export function connectOriginsOf(policy: string, server: string): string[] {
  const directive = policy
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith('connect-src '));
  if (!directive) return [];
  const own = new URL(server).host;
  return directive
    .split(/\s+/)
    .slice(1)
    .filter((source) => ORIGIN_SOURCE.test(source) && new URL(source).host !== own);
}

/** Asks the server for its page policy; none (offline, an old server) means none besides it. */
export async function serverConnectOrigins(
  server: string,
  fetchFn: (url: string, init: { method: string }) => Promise<{ headers: Headers }> = fetch,
): Promise<string[]> {
  try {
    const page = await fetchFn(`${server}/`, { method: 'HEAD' });
    return connectOriginsOf(page.headers.get('content-security-policy') ?? '', server);
  } catch {
    return [];
  }
}
