import type { Redis } from 'ioredis';

// Per-address throttle in front of the per-account lockout: guessing across many usernames from one address
// is slowed too. Failures only; a successful sign-in does not count.
export const MAX_FAILURES_PER_ADDRESS = 20;
const WINDOW_SECONDS = 15 * 60;

export function createLoginThrottle(redis: Redis, prefix: string) {
  const key = (ip: string) => `${prefix}:login-fail:${ip}`;
  return {
    async isThrottled(ip: string): Promise<boolean> {
      return Number((await redis.get(key(ip))) ?? 0) >= MAX_FAILURES_PER_ADDRESS;
    },
    async recordFailure(ip: string): Promise<void> {
      const count = await redis.incr(key(ip));
      if (count === 1) await redis.expire(key(ip), WINDOW_SECONDS);
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
