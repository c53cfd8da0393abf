// Sign-in flows: email/password, device token, refresh rotation, one-time auth codes.
import { z } from 'zod';
import { UserResponse } from './users.ts';
import {
  DeviceToken,
  DisplayName,
  EmailInput,
  ExpiresIn,
  Id,
  NewPassword,
  PasswordAttempt,
  Token,
} from './fields.ts';

export const LoginRequest = z
  .strictObject({ email: EmailInput, password: PasswordAttempt })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

const refreshTokenBody = { refresh_token: Token };

export const RefreshTokenRequest = z
  .strictObject(refreshTokenBody)
  .meta({ id: 'RefreshTokenRequest' });
export type RefreshTokenRequest = z.infer<typeof RefreshTokenRequest>;

export const LogoutRequest = z.strictObject(refreshTokenBody).meta({ id: 'LogoutRequest' });
export type LogoutRequest = z.infer<typeof LogoutRequest>;

export const ViewerRegisterRequest = z
  .strictObject({ device_token: DeviceToken, display_name: DisplayName })
  .meta({ id: 'ViewerRegisterRequest' });
export type ViewerRegisterRequest = z.infer<typeof ViewerRegisterRequest>;

export const DeviceLoginRequest = z
  .strictObject({ device_token: DeviceToken })
  .meta({ id: 'DeviceLoginRequest' });
export type DeviceLoginRequest = z.infer<typeof DeviceLoginRequest>;

/** The code hands the caller's identity to another app; it takes no input. */
export const GenerateAuthCodeRequest = z.strictObject({}).meta({ id: 'GenerateAuthCodeRequest' });
export type GenerateAuthCodeRequest = z.infer<typeof GenerateAuthCodeRequest>;

export const ExchangeAuthCodeRequest = z
  .strictObject({ code: Id })
  .meta({ id: 'ExchangeAuthCodeRequest' });
export type ExchangeAuthCodeRequest = z.infer<typeof ExchangeAuthCodeRequest>;

export const GenerateAuthCodeResponse = z
  .object({ code: Id, expires_in: ExpiresIn })
  .meta({ id: 'GenerateAuthCodeResponse' });
export type GenerateAuthCodeResponse = z.infer<typeof GenerateAuthCodeResponse>;

/** `expires_in` is the access token's lifetime in seconds. */
const authTokens = {
  access_token: Token,
  refresh_token: Token,
  expires_in: ExpiresIn,
  user: UserResponse,
};

export const AuthResponse = z.object(authTokens).meta({ id: 'AuthResponse' });
export type AuthResponse = z.infer<typeof AuthResponse>;

export const ViewerRegisterResponse = z.object(authTokens).meta({ id: 'ViewerRegisterResponse' });
export type ViewerRegisterResponse = z.infer<typeof ViewerRegisterResponse>;

/** `PUT /auth/password`: the caller's own password, proven by the current one. */
export const UpdatePasswordRequest = z
  .strictObject({ current_password: PasswordAttempt, new_password: NewPassword })
  .meta({ id: 'UpdatePasswordRequest' });
export type UpdatePasswordRequest = z.infer<typeof UpdatePasswordRequest>;

/** How many of the caller's other logins the change ended (the calling one stays signed in). */
export const UpdatePasswordResponse = z
  .object({ updated: z.literal(true), other_logins_ended: z.number().int().min(0) })
  .meta({ id: 'UpdatePasswordResponse' });
export type UpdatePasswordResponse = z.infer<typeof UpdatePasswordResponse>;
