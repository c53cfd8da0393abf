import { describe, expect, it } from 'vitest';
import { studioDeepLink } from '@vidinfra/domain';
import { confirmationText, decideJoin, findLinkInArgv, parseJoinLink } from '../src/deep-link.ts';

const SESSION = '0b7e6f0e-5d1c-4c57-9a39-2f6f5f0c1a11';
const CODE = '6a1f3c2e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';
const link = (query: string) => `vidinfra-studio://join?${query}`;
const good = link(`server=https://live.example.com&session=${SESSION}&code=${CODE}`);

describe('parseJoinLink', () => {
  it('accepts the one expected shape', () => {
    expect(parseJoinLink(good)).toEqual({
      ok: true,
      link: { server: 'https://live.example.com', session_id: SESSION, code: CODE },
    });
  });

  it('accepts an encoded server, a port, and a trailing slash after join', () => {
    const encoded = `vidinfra-studio://join/?server=${encodeURIComponent('https://live.example.com:8443/')}&session=${SESSION}&code=${CODE}`;
    expect(parseJoinLink(encoded)).toMatchObject({
      ok: true,
      link: { server: 'https://live.example.com:8443' },
    });
  });

  it.each(['http://localhost:3000', 'http://127.0.0.1:3000'])(
    'accepts %s for development',
    (server) => {
      const parsed = parseJoinLink(link(`server=${server}&session=${SESSION}&code=${CODE}`));
      expect(parsed).toMatchObject({ ok: true, link: { server } });
    },
  );

  it.each([
    ['another scheme', `https://join?server=https://a.example&session=${SESSION}&code=${CODE}`],
    [
      'another action',
      `vidinfra-studio://open?server=https://a.example&session=${SESSION}&code=${CODE}`,
    ],
    ['a path', `vidinfra-studio://join/x?server=https://a.example&session=${SESSION}&code=${CODE}`],
    ['plain http', link(`server=http://live.example.com&session=${SESSION}&code=${CODE}`)],
    [
      'http on a look-alike host',
      link(`server=http://localhost.evil.example&session=${SESSION}&code=${CODE}`),
    ],
    ['a javascript: server', link(`server=javascript:alert(1)&session=${SESSION}&code=${CODE}`)],
    ['a file: server', link(`server=file:///etc/passwd&session=${SESSION}&code=${CODE}`)],
    ['a server with a path', link(`server=https://a.example/evil&session=${SESSION}&code=${CODE}`)],
    [
      'a server with credentials',
      link(`server=https://u:p@a.example&session=${SESSION}&code=${CODE}`),
    ],
    ['no server', link(`session=${SESSION}&code=${CODE}`)],
    ['no code', link(`server=https://a.example&session=${SESSION}`)],
    ['an extra parameter', link(`server=https://a.example&session=${SESSION}&code=${CODE}&next=x`)],
    [
      'a repeated parameter',
      link(`server=https://a.example&server=https://b.example&session=${SESSION}&code=${CODE}`),
    ],
    ['a session that is not an id', link(`server=https://a.example&session=1&code=${CODE}`)],
    ['a code that is not an id', link(`server=https://a.example&session=${SESSION}&code=abc`)],
    ['a fragment', `${good}#x`],
    [
      'credentials on the link',
      `vidinfra-studio://u:p@join?server=https://a.example&session=${SESSION}&code=${CODE}`,
    ],
    ['garbage', 'vidinfra-studio://%%%'],
    ['an overlong link', `${good}&pad=${'x'.repeat(3000)}`],
  ])('refuses %s with a reason', (_name, raw) => {
    const parsed = parseJoinLink(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/\w/);
  });
});

describe('studioDeepLink', () => {
  it('makes the one link shape the studio accepts, and back', () => {
    const link = {
      server: 'https://live.example.com:8443',
      session_id: '0b6a3b9e-6c1c-4c56-9a43-0b2c7a3f4e11',
      code: '7d1f2c3e-8a9b-4c0d-9e1f-2a3b4c5d6e7f',
    };
    expect(parseJoinLink(studioDeepLink(link))).toEqual({ ok: true, link });
    expect(parseJoinLink(studioDeepLink({ ...link, server: 'http://localhost:3000' }))).toEqual({
      ok: true,
      link: { ...link, server: 'http://localhost:3000' },
    });
  });
});

describe('findLinkInArgv', () => {
  it('finds the link among launch arguments', () => {
    expect(findLinkInArgv(['/usr/bin/studio', '--no-sandbox', good])).toBe(good);
    expect(findLinkInArgv(['/usr/bin/studio', '.'])).toBeNull();
  });
});

describe('decideJoin', () => {
  const parsed = parseJoinLink(good);
  if (!parsed.ok) throw new Error('fixture');

  it('asks to join on the remembered server', () => {
    expect(decideJoin(parsed.link, 'https://live.example.com')).toEqual({
      action: 'confirm-join',
      link: parsed.link,
    });
  });

  it('asks before switching to another server, naming both', () => {
    const decision = decideJoin(parsed.link, 'https://mine.example.org');
    expect(decision).toEqual({
      action: 'confirm-switch',
      link: parsed.link,
      from: 'https://mine.example.org',
    });
    const text = confirmationText(decision);
    expect(text.message).toContain('https://live.example.com');
    expect(text.detail).toContain('https://mine.example.org');
  });

  it('asks before using a server when none was chosen yet', () => {
    expect(decideJoin(parsed.link, null)).toMatchObject({ action: 'confirm-switch', from: null });
  });
});
