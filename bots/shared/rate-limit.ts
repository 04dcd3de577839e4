import type { Redis } from 'ioredis';

/**
 * A fixed-window counter in Redis: `hit(key)` is true while the key stays within `max` per window; `count(key)`
 * says how far it is (for limits that slow down instead of refusing). Keys are hashed identifiers (never a raw IP or
 * number). Redis down: let the message through, the engine's own per-chat limit still stands behind it.
 */
export function createRateLimit(redis: Redis, prefix: string, max: number, windowSeconds: number) {
  async function count(key: string): Promise<number> {
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    const redisKey = `${prefix}:${key}:${window}`;
    try {
      const n = await redis.incr(redisKey);
      if (n === 1) await redis.expire(redisKey, windowSeconds * 2);
      return n;
    } catch {
      return 0;
    }
  }
  return {
    max,
    count,
    async hit(key: string): Promise<boolean> {
      return (await count(key)) <= max;
    },
  };
}
