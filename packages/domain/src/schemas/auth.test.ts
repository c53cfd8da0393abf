import { describe, expect, it } from 'vitest';
import { parses, rejectsAt, userFixture, uuid } from '../testing/fixtures.ts';
import {
  AuthResponse,
  DeviceLoginRequest,
  ExchangeAuthCodeRequest,
  GenerateAuthCodeRequest,
  GenerateAuthCodeResponse,
  LoginRequest,
  LogoutRequest,
  RefreshTokenRequest,
  ViewerRegisterRequest,
  ViewerRegisterResponse,
} from './auth.ts';

const DEVICE = 'device-0123456789abcdef';

describe('LoginRequest', () => {
  it('normalizes the email', () => {
    expect(parses(LoginRequest, { email: ' Ann@Example.com', password: 'pw' })).toEqual({
      email: 'ann@example.com',
      password: 'pw',
    });
  });

  it('rejects a bad email, a missing password and unknown keys', () => {
    rejectsAt(LoginRequest, { email: 'nope', password: 'pw' }, ['email']);
    rejectsAt(LoginRequest, { email: 'a@example.com' }, ['password']);
    rejectsAt(LoginRequest, { email: 'a@example.com', password: 'pw', remember: true }, []);
  });
});

describe('refresh and logout', () => {
  it.each([RefreshTokenRequest, LogoutRequest])('take {refresh_token}', (schema) => {
    expect(parses(schema, { refresh_token: 'r.t' })).toEqual({ refresh_token: 'r.t' });
    rejectsAt(schema, { refresh_token: '' }, ['refresh_token']);
    rejectsAt(schema, { refreshToken: 'r.t' }, ['refresh_token']);
  });
});

describe('device token flows', () => {
  it('register with a device token and a trimmed display name', () => {
    expect(parses(ViewerRegisterRequest, { device_token: DEVICE, display_name: '  Bob ' })).toEqual(
      { device_token: DEVICE, display_name: 'Bob' },
    );
    rejectsAt(ViewerRegisterRequest, { device_token: DEVICE, display_name: '   ' }, [
      'display_name',
    ]);
    rejectsAt(ViewerRegisterRequest, { device_token: DEVICE, display_name: 'x'.repeat(101) }, [
      'display_name',
    ]);
  });

  it('log in with the device token alone', () => {
    expect(parses(DeviceLoginRequest, { device_token: DEVICE })).toEqual({ device_token: DEVICE });
    rejectsAt(DeviceLoginRequest, { device_token: 'short' }, ['device_token']);
  });
});

describe('auth codes', () => {
  it('generate from an empty body only', () => {
    expect(parses(GenerateAuthCodeRequest, {})).toEqual({});
    rejectsAt(GenerateAuthCodeRequest, { user_id: uuid() }, []);
  });

  it('exchange a UUID code', () => {
    const code = uuid();
    expect(parses(ExchangeAuthCodeRequest, { code })).toEqual({ code });
    rejectsAt(ExchangeAuthCodeRequest, { code: '123456' }, ['code']);
  });

  it('answer {code, expires_in}', () => {
    expect(GenerateAuthCodeResponse.safeParse({ code: uuid(), expires_in: 60 }).success).toBe(true);
    rejectsAt(GenerateAuthCodeResponse, { code: uuid(), expires_in: 0 }, ['expires_in']);
  });
});

describe('AuthResponse / ViewerRegisterResponse', () => {
  const body = {
    access_token: 'a.b.c',
    refresh_token: 'r',
    expires_in: 900,
    user: userFixture({ role: 'viewer', email: undefined }),
  };

  it.each([AuthResponse, ViewerRegisterResponse])('carry tokens and the user', (schema) => {
    expect(parses(schema, body)).toEqual(body);
    rejectsAt(schema, { ...body, user: { ...body.user, role: 'root' } }, ['user', 'role']);
  });

  it('strips fields that are not part of the contract', () => {
    const parsed = parses(AuthResponse, {
      ...body,
      user: { ...body.user, password_hash: 'x' },
    });
    expect(parsed.user).not.toHaveProperty('password_hash');
  });
});
