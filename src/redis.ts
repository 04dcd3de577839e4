import { Redis } from 'ioredis';

/**
 * One ioredis connection. BullMQ workers need `maxRetriesPerRequest: null` so a Redis restart pauses them
 * instead of failing jobs; request/response callers (web handlers) keep a bound so they fail fast, and send the
 * commands of one tick in one write (auto-pipelining: under load each message's handful of commands otherwise costs a
 * socket write each, the largest single cost in the bots' profile).
 */
export function createRedis(url: string, opts: { forBullWorker?: boolean } = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: opts.forBullWorker ? null : 3,
    enableReadyCheck: true,
    enableAutoPipelining: !opts.forBullWorker,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
}

export async function pingRedis(redis: Redis, timeoutMs = 1000): Promise<boolean> {
  if (redis.status !== 'ready') return false;
  try {
    const answer = await Promise.race([
      redis.ping(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
    ]);
    return answer === 'PONG';
  } catch {
    return false;
  }
}
