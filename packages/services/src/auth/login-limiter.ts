// Login attempts are counted per account and per IP, and a successful one is given back: what
// stays counted are failures. Past the limit, login answers 429 with Retry-After until the window
// passes. Memory in embedded mode; any rate-limiter-flexible store (Redis when scaled) can be
// passed in.
import { DomainError } from '@vidinfra/domain';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

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
    /**
     * Takes one attempt from the account's and the IP's allowance before the password is
     * checked, so concurrent guesses cannot all slip past the limit; RATE_LIMITED when either is
     * used up. A refused attempt takes nothing.
     */
    async attempt(email: string, ip: string): Promise<void> {
      const key = accountKey(email);
      const taken = await Promise.allSettled([perAccount.consume(key), perIp.consume(ip)]);
      const refusal = taken.find((result) => result.status === 'rejected');
      if (!refusal) return;
      await Promise.all([perAccount.reward(key, 1), perIp.reward(ip, 1)]);
      if (refusal.reason instanceof RateLimiterRes) throw refuse(refusal.reason);
      throw refusal.reason;
    },

    /** A successful login clears the account's failures and gives the IP its attempt back. */
    async succeeded(email: string, ip: string): Promise<void> {
      await Promise.all([perAccount.delete(accountKey(email)), perIp.reward(ip, 1)]);
    },
  };
}

export type LoginLimiter = ReturnType<typeof loginLimiter>;
