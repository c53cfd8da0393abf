// The REST calls the test makes as the admin: rooms, sessions and their lifecycle.
export function restClient(baseUrl: string) {
  let token: string | null = null;
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as { success: boolean; data: T; error?: unknown };
    if (!json.success) throw new Error(`${method} ${path}: ${JSON.stringify(json.error)}`);
    return json.data;
  };
  return {
    call,
    async login(email: string, password: string) {
      token = (await call<{ access_token: string }>('POST', '/auth/login', { email, password }))
        .access_token;
    },
    /** The session's studio URL (a fresh one-time code), on the test server's origin. */
    async studioUrl(sessionId: string) {
      const { url } = await call<{ url: string }>('POST', `/sessions/${sessionId}/studio_url`);
      const parsed = new URL(url);
      return `${baseUrl}${parsed.pathname}${parsed.search}`;
    },
    async session(roomId: string, title: string, startsInMs: number) {
      const scheduled_at = new Date(Date.now() + startsInMs).toISOString();
      return (
        await call<{ id: string }>('POST', `/rooms/${roomId}/sessions`, { title, scheduled_at })
      ).id;
    },
  };
}
