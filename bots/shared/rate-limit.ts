import type { Redis } from 'ioredis';

/**
 * A fixed-window counter in Redis: `hit(key)` is true while the key stays within `max` per window.
 * Keys are hashed identifiers (never a raw IP or number). Redis down: let the message through, the engine's
 * own per-chat limit still stands behind it.
 */
export function createRateLimit(redis: Redis, prefix: string, max: number, windowSeconds: number) {
  return {
    async hit(key: string): Promise<boolean> {
      const window = Math.floor(Date.now() / 1000 / windowSeconds);
      const redisKey = `${prefix}:${key}:${window}`;
      try {
        const count = await redis.incr(redisKey);
        if (count === 1) await redis.expire(redisKey, windowSeconds * 2);
        return count <= max;
      } catch {
        return true;
      }
    },
  };
}
