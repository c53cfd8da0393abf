// Turns a driver error (postgres.js or better-sqlite3, possibly wrapped by drizzle) into a typed
// domain error. Nothing of the driver's text reaches the caller: no SQL, no parameters.
import { DomainError } from '@vidinfra/domain';

interface DriverFault {
  kind: 'unique' | 'foreign_key' | 'not_null' | 'check' | 'other';
  fields: string[];
}

const PG_CODES: Record<string, DriverFault['kind']> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23502': 'not_null',
  '23514': 'check',
};

const SQLITE_CODES: Record<string, DriverFault['kind']> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
  SQLITE_CONSTRAINT_CHECK: 'check',
};

type RawError = { code?: unknown; message?: unknown; detail?: unknown; column_name?: unknown };

const driverError = (error: unknown): RawError | null => {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as RawError).code;
    if (typeof code === 'string' && (code in PG_CODES || code.startsWith('SQLITE_'))) {
      return current as RawError;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
};

const snakeToCamel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Field names only, never values: `Key (email)=(x)` / `UNIQUE constraint failed: users.email`. */
const faultFields = (raw: RawError): string[] => {
  const detail = typeof raw.detail === 'string' ? raw.detail : '';
  const pgKey = /^Key \(([^)]+)\)/.exec(detail);
  if (pgKey?.[1]) return pgKey[1].split(',').map((f) => f.trim().replace(/"/g, ''));
  if (typeof raw.column_name === 'string') return [raw.column_name];
  const message = typeof raw.message === 'string' ? raw.message : '';
  const sqlite = /constraint failed: (.+)$/.exec(message);
  if (sqlite?.[1] && !sqlite[1].startsWith('FOREIGN')) {
    return sqlite[1].split(',').map((f) => f.trim().split('.').pop() ?? f);
  }
  return [];
};

export const classify = (error: unknown): DriverFault | null => {
  const raw = driverError(error);
  if (!raw) return null;
  const code = String(raw.code);
  const kind = PG_CODES[code] ?? SQLITE_CODES[code] ?? 'other';
  return { kind, fields: faultFields(raw).map(snakeToCamel) };
};

const isDrizzleQueryError = (error: unknown): error is Error & { cause?: unknown } =>
  error instanceof Error && 'query' in error && 'params' in error;

const causeMessage = (error: unknown): string => {
  const cause = isDrizzleQueryError(error) ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
};

export const toDomainError = (error: unknown): unknown => {
  if (error instanceof DomainError) return error;
  const fault = classify(error);
  if (!fault) {
    // drizzle's wrapper carries the SQL parameters (hashes, tokens): keep only the driver's words.
    return isDrizzleQueryError(error)
      ? new Error(`database query failed: ${causeMessage(error)}`)
      : error;
  }
  const details = fault.fields.map((field) => ({ field, message: `${field} is invalid` }));
  switch (fault.kind) {
    case 'unique': {
      const named = fault.fields.length ? fault.fields.join(', ') : 'a unique value';
      return new DomainError('CONFLICT', `${named} already exists`, {
        details: fault.fields.map((field) => ({ field, message: `${field} already exists` })),
      });
    }
    case 'foreign_key':
      return new DomainError('NOT_FOUND', 'a referenced record does not exist', { details });
    case 'not_null':
    case 'check':
      return new DomainError('VALIDATION_ERROR', 'a required value is missing or invalid', {
        details,
      });
    default:
      return new Error(`database query failed: ${causeMessage(error)}`);
  }
};
