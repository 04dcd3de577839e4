import type { Redis } from 'ioredis';
import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';

/**
 * Messages for a reporter on a channel nobody can push to (the web chat answers requests only): kept encrypted in
 * Redis under the chat's keyed hash and shown with the next answer the chat gets. They expire with the draft.
 */
export function createReporterNotices(redis: Redis, prefix: string, cipher: FieldCipher) {
  const key = (chatHash: string) => `${prefix}:reporter-notices:${chatHash}`;
  const KEEP_SECONDS = 2 * 24 * 3600;
  return {
    async add(chatHash: string, text: string): Promise<void> {
      await redis.multi().rpush(key(chatHash), cipher.encrypt(text, fieldOf(BOUND.reporterNotices, chatHash, 'text'))).expire(key(chatHash), KEEP_SECONDS).exec();
    },
    /** Every waiting notice, oldest first, taken once. */
    async takeAll(chatHash: string): Promise<string[]> {
      const replies = await redis.multi().lrange(key(chatHash), 0, -1).del(key(chatHash)).exec();
      const [err, sealed] = replies?.[0] ?? [null, []];
      if (err) throw err;
      return (sealed as string[]).map((s) => cipher.decrypt(s, fieldOf(BOUND.reporterNotices, chatHash, 'text')));
    },
  };
}
export type ReporterNotices = ReturnType<typeof createReporterNotices>;
