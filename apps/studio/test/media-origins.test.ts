// The desktop studio may connect where its server's pages may: the LiveKit server the server's
// CSP names, never the server's own origin twice, nothing when the server cannot be asked.
import { describe, expect, it } from 'vitest';
import { connectOriginsOf, serverConnectOrigins } from '../src/media-origins.ts';

const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; connect-src 'self' wss://live.example.com " +
  "wss://lk.example.com:7880 https://lk.example.com:7880; frame-ancestors 'none'";

describe('connectOriginsOf', () => {
  it("takes the connect-src origins besides the server's own", () => {
    expect(connectOriginsOf(PAGE_POLICY, 'https://live.example.com')).toEqual([
      'wss://lk.example.com:7880',
      'https://lk.example.com:7880',
    ]);
  });

  it('takes no keyword, scheme-only or path source, and nothing without connect-src', () => {
    expect(
      connectOriginsOf(
        "connect-src 'self' wss: https://x.example.com/path *",
        'https://live.example.com',
      ),
    ).toEqual([]);
    expect(connectOriginsOf("default-src 'self'", 'https://live.example.com')).toEqual([]);
  });
});

describe('serverConnectOrigins', () => {
  it("reads the server's page policy", async () => {
    const asked: string[] = [];
    const origins = await serverConnectOrigins('https://live.example.com', async (url, init) => {
      asked.push(`${init.method} ${url}`);
      return { headers: new Headers({ 'content-security-policy': PAGE_POLICY }) };
    });
    expect(asked).toEqual(['HEAD https://live.example.com/']);
    expect(origins).toHaveLength(2);
  });

  it('is empty when the server cannot be reached', async () => {
    expect(
      await serverConnectOrigins('https://live.example.com', async () => {
        throw new Error('offline');
      }),
    ).toEqual([]);
  });
});
