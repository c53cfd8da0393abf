// One room and one session, created through the app's own REST API as the admin.
export interface SeededTarget {
  /** What the benchmark reads: a session, or a room while sessions are not served. */
  kind: 'sessions' | 'rooms';
  id: string;
}

/** The app's REST API as the benchmarks call it: the envelope's data, with a bearer once set. */
export function restClient(baseUrl: string) {
  let token: string | undefined;
  return {
    signIn(accessToken: string | undefined) {
      token = accessToken;
    },
    async call(method: string, path: string, body?: unknown) {
      const response = await fetch(`${baseUrl}/api${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const envelope = (await response.json()) as {
        data?: Record<string, unknown>;
        error?: unknown;
      };
      return {
        ok: response.ok,
        status: response.status,
        data: envelope.data ?? {},
        error: envelope.error,
      };
    },
  };
}

/** The REST client of the admin, answering the envelope's data or throwing the error it carries. */
export function adminClient(baseUrl: string, admin: { email: string; password: string }) {
  const client = restClient(baseUrl);
  const call = async (method: string, path: string, body?: unknown) => {
    const reply = await client.call(method, path, body);
    if (!reply.ok)
      throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(reply.error)}`);
    return reply.data;
  };
  return {
    call,
    async login() {
      client.signIn((await call('POST', '/auth/login', admin)).access_token as string);
    },
  };
}
export type AdminClient = ReturnType<typeof adminClient>;

export async function seed(
  baseUrl: string,
  admin: { email: string; password: string },
): Promise<SeededTarget> {
  const client = restClient(baseUrl);
  const call = client.call;
  const login = await call('POST', '/auth/login', admin);
  if (!login.ok) throw new Error(`seed: login answered ${login.status}`);
  client.signIn(login.data.access_token as string);
  const room = await call('POST', '/rooms', { name: 'Bench room', visibility: 'public' });
  if (!room.ok) throw new Error(`seed: creating the room answered ${room.status}`);
  const session = await call('POST', `/rooms/${room.data.id as string}/sessions`, {
    title: 'Bench session',
    scheduled_at: new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
  });
  client.signIn(undefined);
  const sessionId = (session.data.id ?? (session.data.session as { id?: string })?.id) as
    string | undefined;
  if (session.ok && sessionId && (await call('GET', `/sessions/${sessionId}`)).ok)
    return { kind: 'sessions', id: sessionId };
  return { kind: 'rooms', id: room.data.id as string };
}
