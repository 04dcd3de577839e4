import { createHash } from 'node:crypto';
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

const shaOfScript = new Map<string, string>();

/**
 * Runs a Lua script by its SHA (EVALSHA), sending its body only when Redis does not know it yet (first use, or after
 * a restart emptied Redis's script cache): the hot paths (a draft saved on every message, a chat's inbox) would
 * otherwise send the whole body with every call.
 */
export async function runScript(redis: Redis, script: string, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
  let sha = shaOfScript.get(script);
  if (!sha) shaOfScript.set(script, (sha = createHash('sha1').update(script).digest('hex')));
  const argv = args.map(String);
  try {
    return await redis.evalsha(sha, keys.length, ...keys, ...argv);
  } catch (err) {
    if (!String((err as Error).message).startsWith('NOSCRIPT')) throw err;
    return redis.eval(script, keys.length, ...keys, ...argv);
  }
}

const RENEW_LOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE_LOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export interface HeldLock {
  /** True once a renewal found the lock no longer ours (it lapsed, another process took it). */
  readonly lost: boolean;
  /** Stops renewing, leaving the lock as it is (a script that let go of it already). */
  stopRenewing(): void;
  /** Stops renewing and deletes the lock if it is still ours; never throws. */
  release(): Promise<void>;
}

/**
 * Keeps a lock this process took (`SET key token PX ttlMs NX`) alive while it works: renewed at under a third of its
 * life, so a holder that dies leaves it for others within ttlMs, and a live one never loses it to a slow tick.
 */
export function keepLock(redis: Redis, key: string, token: string, ttlMs: number): HeldLock {
  let lost = false;
  const renew = setInterval(() => {
    runScript(redis, RENEW_LOCK, [key], [token, ttlMs]).then((ok) => (lost ||= ok !== 1), () => undefined);
  }, Math.floor(ttlMs * 0.3));
  return {
    get lost() {
      return lost;
    },
    stopRenewing: () => clearInterval(renew),
    async release() {
      clearInterval(renew);
      await runScript(redis, RELEASE_LOCK, [key], [token]).catch(() => undefined);
    },
  };
}
