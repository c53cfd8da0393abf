// Failed logins are counted per account and per IP; past the limit, login answers 429 with
// Retry-After until the window passes. Memory in embedded mode; any rate-limiter-flexible store
// (Redis when scaled) can be passed in.
import { DomainError } from '@vidinfra/domain';
import type { RateLimiterRes} from 'rate-limiter-flexible';
import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface LoginLimits {
  perAccount: number;
  perIp: number;
  windowSeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccount: 5,
  perIp: 30,
  windowSeconds: 15 * 60,
};

type LimiterFactory = (options: {
  keyPrefix: string;
  points: number;
  duration: number;
}) => RateLimiterAbstract;
const memoryLimiter: LimiterFactory = (options) => new RateLimiterMemory(options);

export function loginLimiter(
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  makeLimiter: LimiterFactory = memoryLimiter,
) {
  const perAccount = makeLimiter({
    keyPrefix: 'login:account',
    points: limits.perAccount,
    duration: limits.windowSeconds,
  });
  const perIp = makeLimiter({
    keyPrefix: 'login:ip',
    points: limits.perIp,
    duration: limits.windowSeconds,
  });
  const accountKey = (email: string) => email.trim().toLowerCase();

  const refuse = (res: RateLimiterRes) =>
    new DomainError('RATE_LIMITED', 'too many failed logins; try again later', {
      retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    });

  return {
    /** Throws RATE_LIMITED when the account or the IP has used up its failures. */
    async check(email: string, ip: string): Promise<void> {
      const [account, address] = await Promise.all([
        perAccount.get(accountKey(email)),
        perIp.get(ip),
      ]);
      for (const [res, limit] of [
        [account, limits.perAccount],
        [address, limits.perIp],
      ] as const) {
        if (res && res.consumedPoints >= limit) throw refuse(res);
      }
    },

    async failed(email: string, ip: string): Promise<void> {
      await Promise.all([perAccount.penalty(accountKey(email), 1), perIp.penalty(ip, 1)]);
    },

    /** A successful login clears the account's failures (not the IP's). */
    async succeeded(email: string): Promise<void> {
      await perAccount.delete(accountKey(email));
    },
  };
}

export type LoginLimiter = ReturnType<typeof loginLimiter>;
