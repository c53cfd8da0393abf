import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  contentSecurityPolicy,
  createAppFileHandler,
  registerAppScheme,
  resolveBundlePath,
} from '../src/app-protocol.ts';

const ROOT = resolve('/bundle/renderer');
const FILES: Record<string, string> = {
  [`${ROOT}/index.html`]: '<!doctype html><title>Studio</title>',
  [`${ROOT}/assets/app-1234.js`]: 'console.log(1)',
  [`${ROOT}/assets/app-1234.css`]: 'body{}',
};

function handler(server: string | null = 'https://live.example.com') {
  const readFile = vi.fn(async (path: string) => {
    const text = FILES[path];
    if (text === undefined) throw new Error('ENOENT');
    return new TextEncoder().encode(text);
  });
  return {
    handle: createAppFileHandler({ rootDir: ROOT, readFile, server: () => server }),
    readFile,
  };
}

/** The CSP's directives by name. */
function directives(policy: string): Record<string, string> {
  return Object.fromEntries(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('registerAppScheme', () => {
  it('makes app:// standard, secure and fetchable', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('contentSecurityPolicy', () => {
  it("lets the studio connect only to itself and the chosen server's http and websocket origin", () => {
    const csp = directives(contentSecurityPolicy('https://live.example.com:8443'));
    expect(csp['connect-src']).toBe(
      "'self' https://live.example.com:8443 wss://live.example.com:8443",
    );
    expect(directives(contentSecurityPolicy('http://localhost:3000'))['connect-src']).toBe(
      "'self' http://localhost:3000 ws://localhost:3000",
    );
    expect(directives(contentSecurityPolicy(null))['connect-src']).toBe("'self'");
  });

  it("adds the server's media origins (its LiveKit server) only with a chosen server", () => {
    const media = ['wss://lk.example.com:7880', 'https://lk.example.com:7880'];
    expect(
      directives(contentSecurityPolicy('https://live.example.com', media))['connect-src'],
    ).toBe(
      "'self' https://live.example.com wss://live.example.com wss://lk.example.com:7880 https://lk.example.com:7880",
    );
    expect(directives(contentSecurityPolicy(null, media))['connect-src']).toBe("'self'");
  });

  it('allows nothing else from outside: no inline, evaluated or remote scripts, frames or plugins', () => {
    const csp = directives(contentSecurityPolicy('https://live.example.com'));
    expect(csp['default-src']).toBe("'none'");
    expect(csp['script-src']).toBe("'self'");
    expect(csp['object-src']).toBe("'none'");
    expect(csp['frame-src']).toBe("'none'");
    expect(csp['base-uri']).toBe("'none'");
    expect(csp['frame-ancestors']).toBe("'none'");
    expect(csp['style-src']).toBe("'self' 'unsafe-inline'"); // Mantine's theme <style>
    const sources = Object.values(csp).join(' ');
    expect(sources).not.toMatch(/unsafe-eval|\*|https:(?!\/\/live)|http:/);
  });
});

describe('the app:// handler', () => {
  it('serves index.html with the strict CSP for the chosen server', async () => {
    const response = await handler().handle(new Request('app://studio/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(
      contentSecurityPolicy('https://live.example.com'),
    );
    expect(await response.text()).toContain('<title>Studio</title>');
  });

  it('serves assets with their type, and routes without an extension as index.html', async () => {
    const { handle } = handler();
    const script = await handle(new Request('app://studio/assets/app-1234.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const route = await handle(new Request('app://studio/sessions/abc/live'));
    expect(await route.text()).toContain('<title>Studio</title>');
    expect((await handle(new Request('app://studio/'))).status).toBe(200);
  });

  it('answers 404 for a missing file', async () => {
    expect((await handler().handle(new Request('app://studio/assets/nope.js'))).status).toBe(404);
  });

  it.each([
    'app://studio/..%2F..%2Fetc%2Fpasswd.txt',
    'app://studio/assets%2F..%2F..%2Fsecret.txt',
    'app://studio/..%5C..%5Csecret.txt',
    'app://studio/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://studio/assets/%00.js',
    'app://studio/%E0%A4%A.js',
  ])('refuses %s and reads nothing', async (url) => {
    const { handle, readFile } = handler();
    const response = await handle(new Request(url));
    expect(response.status).toBe(403);
    expect(readFile).not.toHaveBeenCalled();
  });

  it('answers only its own host, and only reads', async () => {
    const { handle, readFile } = handler();
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404);
    const post = await handle(
      new Request('app://studio/index.html', { method: 'POST', body: 'x' }),
    );
    expect(post.status).toBe(405);
    expect(readFile).not.toHaveBeenCalled();
  });
});

describe('resolveBundlePath', () => {
  it('stays inside the bundle folder', () => {
    expect(resolveBundlePath(ROOT, '/assets/app.js')).toBe(`${ROOT}/assets/app.js`);
    expect(resolveBundlePath(ROOT, '/')).toBe(`${ROOT}/index.html`);
    expect(resolveBundlePath(ROOT, '/../../etc/passwd.txt')).toBeNull();
    expect(resolveBundlePath(ROOT, '/assets/./app.js')).toBeNull();
  });
});
