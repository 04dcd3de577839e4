import type { Redis } from 'ioredis';

// Per-address throttles in front of the per-account lockout, failures only. One key per (address, username) slows
// guessing at one account; a looser one per address slows guessing across many usernames without locking out a whole
// district office that signs in through one shared address.
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 10;
export const MAX_FAILURES_PER_ADDRESS = 100;
const WINDOW_SECONDS = 15 * 60;

export function createLoginThrottle(redis: Redis, prefix: string) {
  const keys = (ip: string, username: string) => [`${prefix}:login-fail:${ip}`, `${prefix}:login-fail:${ip}:${username.toLowerCase()}`] as const;
  return {
    async isThrottled(ip: string, username: string): Promise<boolean> {
      const [byAddress, byAccount] = await redis.mget(...keys(ip, username));
      return Number(byAddress ?? 0) >= MAX_FAILURES_PER_ADDRESS || Number(byAccount ?? 0) >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS;
    },
    async recordFailure(ip: string, username: string): Promise<void> {
      for (const key of keys(ip, username)) {
        if ((await redis.incr(key)) === 1) await redis.expire(key, WINDOW_SECONDS);
      }
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
