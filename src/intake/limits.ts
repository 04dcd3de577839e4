import type { Redis } from 'ioredis';

// Abuse limits per chat, as Redis counters (shared by every bots process). Keys carry the chat's keyed hash only.

export interface IntakeLimitSettings {
  messagesPerMinute: number;
  reportsPerDay: number;
  maxTextLength: number;
}

export type RateVerdict = 'ok' | 'first_over' | 'over';

export function createIntakeLimits(redis: Redis, prefix: string, settings: IntakeLimitSettings, timezone: string) {
  // One formatter for the process: toLocaleDateString builds a new one each call (the bots' profile showed it).
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dayOf = (now: Date) => day.format(now);
  const reportsKey = (h: string, now: Date) => `${prefix}:intake:reports:${h}:${dayOf(now)}`;
  return {
    settings,
    /** Counts one message in this minute's window. The first message over the limit gets a calm answer; later ones in the same minute are dropped. */
    async hitMessage(chatHash: string, now: Date): Promise<RateVerdict> {
      const key = `${prefix}:intake:rate:${chatHash}:${Math.floor(now.getTime() / 60_000)}`;
      // One round trip without MULTI (auto-pipelined): a transaction would be a write of its own under load.
      const [count] = await Promise.all([redis.incr(key), redis.expire(key, 120)]);
      if (count <= settings.messagesPerMinute) return 'ok';
      return count === settings.messagesPerMinute + 1 ? 'first_over' : 'over';
    },
    async reportsToday(chatHash: string, now: Date): Promise<number> {
      return Number((await redis.get(reportsKey(chatHash, now))) ?? 0);
    },
    async countReport(chatHash: string, now: Date): Promise<void> {
      const key = reportsKey(chatHash, now);
      await Promise.all([redis.incr(key), redis.expire(key, 2 * 24 * 3600)]);
    },
    isTooLong(text: string | undefined): boolean {
      return (text?.length ?? 0) > settings.maxTextLength;
    },
  };
}
export type IntakeLimits = ReturnType<typeof createIntakeLimits>;
