// Field-level building blocks shared by every wire schema: ids, times, bounded text, counts.
import { z } from 'zod';

/** A resource id: a UUID string. */
export const Id = z.uuid();

/** A resource time: ISO 8601 in UTC (`Z` suffix), e.g. `2025-01-31T18:00:00.000Z`. */
export const Timestamp = z.iso.datetime();

/** A non-negative integer: counts, sizes, totals. */
export const Count = z.number().int().nonnegative();

/** A whole number of seconds (durations, watch time). */
export const Seconds = z.number().int().nonnegative();

/** Lifetime of a token, code or URL, in seconds. */
export const ExpiresIn = z.number().int().positive();

/** An absolute URL. */
export const Url = z.url();

/** An opaque bearer token / signed credential as sent on the wire. */
export const Token = z.string().min(1).max(4096);

/** User-typed text: trimmed, then bounded. */
export function trimmedText(min: number, max: number) {
  return z.string().trim().min(min).max(max);
}

export const Title = trimmedText(1, 200);
export const Description = trimmedText(0, 5000);
export const DisplayName = trimmedText(1, 100);
export const Reason = trimmedText(1, 500);

/**
 * An email address typed by a user: trimmed and lower-cased before the same check `z.email()`
 * applies (so `  Ann@Example.com ` is accepted as `ann@example.com`). At most 254 characters.
 */
export const EmailInput = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(z.regexes.email, { error: 'Invalid email address' })
  .meta({ format: 'email' });

/** An email address as the server returns it. */
export const Email = z.email().max(254);

/** A new password: 8–256 characters, kept verbatim (never trimmed). */
export const NewPassword = z.string().min(8).max(256);

/**
 * A password offered at login: any non-empty string up to 256 characters, so a policy change
 * never turns a login into a validation error (a wrong one is INVALID_CREDENTIALS).
 */
export const PasswordAttempt = z.string().min(1).max(256);

/** A client-generated device token: 16–256 printable ASCII characters, no spaces. */
export const DeviceToken = z
  .string()
  .min(16)
  .max(256)
  .regex(/^[\x21-\x7e]+$/, { error: 'Device token must be printable ASCII without spaces' });

/** `public` rooms are listed; `private` ones are unlisted (open to signed-in holders of the link). */
export const Visibility = z.enum(['public', 'private']).meta({ id: 'Visibility' });
export type Visibility = z.infer<typeof Visibility>;

/** `{user_id, display_name}`: who a row is about, as lists and events show them. */
export const userRef = {
  user_id: Id,
  display_name: z.string(),
};
