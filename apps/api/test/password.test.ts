// `PUT /auth/password`: a signed-in account changes its own password, proving the current one;
// its other logins end at once, the calling one stays.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dialect, PASSWORD, useTestApp } from './harness.ts';

const api = useTestApp();
const NEW_PASSWORD = 'a much better passphrase';

const changePassword = (token: string, body: unknown) =>
  api.call('PUT', '/api/auth/password', { token, body });
const login = (email: string, password: string) =>
  api.call('POST', '/api/auth/login', { body: { email, password } });
const me = (token: string) => api.call('GET', '/api/auth/me', { token });

describe(`password change (${dialect})`, () => {
  it('changes the password and ends the other logins, keeping the calling one', async () => {
    const host = await api.account('host');
    const other = (await login(host.email, PASSWORD)).body.data;
    const changed = await changePassword(host.token, {
      current_password: PASSWORD,
      new_password: NEW_PASSWORD,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toEqual({ updated: true, other_logins_ended: 1 });

    expect((await me(host.token)).status, 'the calling login stays').toBe(200);
    expect((await me(other.access_token)).status, 'the other login ends at once').toBe(401);
    const refreshed = await api.call('POST', '/api/auth/refresh', {
      body: { refresh_token: other.refresh_token },
    });
    expect(refreshed.status).toBe(401);
    expect((await login(host.email, PASSWORD)).status).toBe(401);
    expect((await login(host.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses a wrong current password with 403 naming the field, changing nothing', async () => {
    const viewer = await api.account('viewer');
    const refused = await changePassword(viewer.token, {
      current_password: 'not the password',
      new_password: NEW_PASSWORD,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'FORBIDDEN',
      details: [{ field: 'current_password' }],
    });
    expect((await login(viewer.email, PASSWORD)).status).toBe(200);
  });

  it('refuses a too short new password with the field named', async () => {
    const viewer = await api.account('viewer');
    const refused = await changePassword(viewer.token, {
      current_password: PASSWORD,
      new_password: 'short',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.details?.map((detail) => detail.field)).toEqual(['new_password']);
  });

  it('needs a signed-in caller', async () => {
    const anonymous = await api.call('PUT', '/api/auth/password', {
      body: { current_password: PASSWORD, new_password: NEW_PASSWORD },
    });
    expect(anonymous.status).toBe(401);
  });

  it('is 422 for a device account, which has no password', async () => {
    const registered = await api.call('POST', '/api/auth/viewer/register', {
      body: { device_token: `device-${randomBytes(12).toString('hex')}`, display_name: 'Guest' },
    });
    const refused = await changePassword(registered.body.data.access_token, {
      current_password: 'anything',
      new_password: NEW_PASSWORD,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe('BUSINESS_RULE');
  });

  it('counts wrong current passwords like failed logins: 429 past the limit', async () => {
    const viewer = await api.account('viewer');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const reply = await changePassword(viewer.token, {
        current_password: `wrong ${attempt}`,
        new_password: NEW_PASSWORD,
      });
      statuses.push(reply.status);
    }
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
    expect(
      (await login(viewer.email, PASSWORD)).status,
      'the account is locked for logins too',
    ).toBe(429);
  });
});
