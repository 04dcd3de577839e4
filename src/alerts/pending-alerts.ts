import type { Redis } from 'ioredis';

/**
 * Alerts waiting to leave for one recipient, in Redis (shared by every worker process), keyed by the keyed hash of
 * the recipient's chat (never the chat id). Telegram allows one message a second in a chat: whichever alert job gets
 * the chat's next second takes every alert waiting for that person and sends them as one message, so a busy night of
 * forty danger reports reaches the on-call worker within seconds, not forty seconds.
 */
export interface PendingAlerts {
  /** Adds alerts to their recipient's list: new ones, and ones that did not leave (failed, or did not fit). */
  add(recipientKey: string, alerts: { id: string; at: Date }[]): Promise<void>;
  /** Takes the recipient's whole list, oldest first: only the holder of the chat's next second does. */
  takeAll(recipientKey: string): Promise<string[]>;
  count(recipientKey: string): Promise<number>;
}

const KEEP_MS = 24 * 3600 * 1000;

export function createPendingAlerts(redis: Redis, prefix: string): PendingAlerts {
  const key = (recipientKey: string) => `${prefix}:alerts:pending:${recipientKey}`;
  return {
    async add(recipientKey, alerts) {
      if (!alerts.length) return;
      const k = key(recipientKey);
      await redis.multi().zadd(k, ...alerts.flatMap((a) => [a.at.getTime(), a.id])).pexpire(k, KEEP_MS).exec();
    },
    count: (recipientKey) => redis.zcard(key(recipientKey)),
    async takeAll(recipientKey) {
      const k = key(recipientKey);
      const replies = await redis.multi().zrange(k, 0, -1).del(k).exec();
      const [err, ids] = replies?.[0] ?? [new Error('Redis answered nothing')];
      if (err) throw err;
      return ids as string[];
    },
  };
}
