// First start with no ADMIN_EMAIL / ADMIN_PASSWORD: the admin it creates can sign in with the
// one-time password it prints, and a second start creates nobody.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ADMIN_EMAIL, ensureAdmin } from '../src/first-start.ts';
import { dialect, useTestApp } from './harness.ts';

const api = useTestApp();

describe(`first start (${dialect})`, () => {
  it('prints a one-time password that signs the default admin in', async () => {
    const told: string[] = [];
    const first = await ensureAdmin(api.db, null, (line) => told.push(line));
    expect(first).toEqual({ created: true, email: DEFAULT_ADMIN_EMAIL });
    const password = told.join('\n').match(/one-time password (\S+)/)?.[1];
    expect(password).toBeDefined();
    const login = await api.call('POST', '/api/auth/login', {
      body: { email: DEFAULT_ADMIN_EMAIL, password },
    });
    expect(login.status).toBe(200);
    expect(login.body.data.user).toMatchObject({ email: DEFAULT_ADMIN_EMAIL, role: 'admin' });
    expect(await ensureAdmin(api.db, null, (line) => told.push(line))).toEqual({ created: false });
    expect(told).toHaveLength(1);
  });
});
