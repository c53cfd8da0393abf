import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Opaque secrets are stored as their SHA-256; the raw value only ever goes to its owner. */
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('base64url');

export const newRefreshToken = (): string => randomBytes(32).toString('base64url');

/** One-time auth codes are UUIDs on the wire (the contract's `code=<uuid>`). */
export const newAuthCode = (): string => randomUUID();
