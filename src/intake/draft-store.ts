import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import { keepLock, runScript } from '../redis';
import { catalogueFor } from './catalogues/catalogue-for';
import { DraftSchema, type Draft } from './draft';
import type { OutboundMessage } from './messages';

// Drafts in Redis, one per chat, encrypted whole with the field cipher (they hold personal data), keyed by the
// keyed hash of channel + chat id. The client comes in as a parameter: this file imports no I/O library.

export interface DraftStoreOptions {
  redis: Redis;
  cipher: FieldCipher;
  /** Redis key prefix (config.redis.prefix). */
  prefix: string;
  ttlMinutes: number;
  reminderBeforeMinutes: number;
}

export interface LoadedDraft {
  draft: Draft;
  version: number;
}

export interface DraftStore {
  load(chatHash: string): Promise<LoadedDraft | null>;
  /** Writes the draft if nobody else wrote since `expectedVersion` was read (null: there was none); false otherwise. */
  save(chatHash: string, draft: Draft, expectedVersion: number | null): Promise<boolean>;
  remove(chatHash: string): Promise<void>;
  /**
   * Runs `work` with the chat's draft while holding this chat's lock, so two messages of one chat are handled one
   * after the other. The draft is read in the same round trip as the lock is taken.
   */
  withChatLock<T>(chatHash: string, work: (loaded: LoadedDraft | null) => Promise<T>): Promise<T | 'busy'>;
  /**
   * Drafts whose reminder is due, each claimed once (two workers never remind the same draft twice), with the message
   * to send in the reporter's language. A draft saved again later gets a new reminder time.
   */
  findDraftsDueForReminder(now: Date, limit?: number): Promise<DraftReminder[]>;
}

export interface DraftReminder {
  draftId: string;
  channel: Draft['channel'];
  chatId: string;
  message: OutboundMessage;
}

// KEYS[1] draft hash, KEYS[2] reminder set. ARGV: expected version ('' = none), new version, data, ttl ms, remindAt ms, member
const SAVE_SCRIPT = `
local cur = redis.call('HGET', KEYS[1], 'v')
if ARGV[1] == '' then
  if cur then return 0 end
elseif cur ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[6])
return 1`;

// A chat's lock lives a few seconds and is renewed while its message is being handled: a process killed while holding
// it (a crash, a deploy) keeps that reporter waiting at most LOCK_TTL_MS, not a minute. The draft's version check on
// save, not the lock, is what keeps two writers from overwriting each other, so a lock that lapses under a stalled
// process costs a "busy" answer, never a lost answer.
const LOCK_TTL_MS = 5_000;
const LOCK_WAIT_MS = 30_000;
const LOCK_RETRY_MS = 20;

/** For the worker: drafts due for a reminder, without building a whole intake handler. */
export function findDraftsDueForReminder(opts: DraftStoreOptions, now: Date, limit?: number): Promise<DraftReminder[]> {
  return createDraftStore(opts).findDraftsDueForReminder(now, limit);
}

export function createDraftStore(opts: DraftStoreOptions): DraftStore {
  const { redis, cipher, prefix } = opts;
  const draftKey = (h: string) => `${prefix}:intake:draft:${h}`;
  const lockKey = (h: string) => `${prefix}:intake:lock:${h}`;
  const remindKey = `${prefix}:intake:remind`;
  const ttlMs = opts.ttlMinutes * 60_000;
  const remindBeforeMs = Math.min(opts.reminderBeforeMinutes * 60_000, ttlMs / 2);
  // Within one process, messages of a chat queue here instead of spinning on the Redis lock.
  const chains = new Map<string, Promise<unknown>>();

  // A draft is bound to its chat's hash: one chat's draft copied under another chat's key does not open there.
  const bindingOf = (h: string) => fieldOf(BOUND.drafts, h, 'draft');
  const decode = (h: string, data: string): Draft | null => {
    try {
      const parsed = DraftSchema.safeParse(JSON.parse(cipher.decrypt(data, bindingOf(h))));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };

  const toLoaded = (h: string, [version, data]: (string | null)[]): LoadedDraft | null => {
    if (!version || !data) return null;
    const draft = decode(h, data);
    // An unreadable draft (old shape, retired key) is as good as none: the reporter starts again.
    return draft ? { draft, version: Number(version) } : null;
  };

  /** Takes the lock and reads the draft behind it: both commands leave together, the read runs after the lock. */
  const acquire = async (h: string): Promise<{ token: string; loaded: LoadedDraft | null } | null> => {
    const token = randomUUID();
    const deadline = Date.now() + LOCK_WAIT_MS;
    while (Date.now() < deadline) {
      const [locked, fields] = await Promise.all([
        redis.set(lockKey(h), token, 'PX', LOCK_TTL_MS, 'NX'),
        redis.hmget(draftKey(h), 'v', 'd'),
      ]);
      if (locked === 'OK') return { token, loaded: toLoaded(h, fields) };
      await new Promise((r) => setTimeout(r, LOCK_RETRY_MS));
    }
    return null;
  };

  return {
    async load(h) {
      return toLoaded(h, await redis.hmget(draftKey(h), 'v', 'd'));
    },
    async save(h, draft, expectedVersion) {
      const version = (expectedVersion ?? 0) + 1;
      const data = cipher.encrypt(JSON.stringify({ ...draft, version }), bindingOf(h));
      const remindAt = Date.parse(draft.updatedAt) + ttlMs - remindBeforeMs;
      const ok = await runScript(redis, SAVE_SCRIPT, [draftKey(h), remindKey],
        [expectedVersion === null ? '' : expectedVersion, version, data, ttlMs, remindAt, h]);
      return ok === 1;
    },
    async remove(h) {
      await Promise.all([redis.del(draftKey(h)), redis.zrem(remindKey, h)]);
    },
    async withChatLock(h, work) {
      const previous = chains.get(h) ?? Promise.resolve();
      const run = previous.catch(() => undefined).then(async () => {
        const held = await acquire(h);
        if (!held) return 'busy' as const;
        const lock = keepLock(redis, lockKey(h), held.token, LOCK_TTL_MS);
        try {
          return await work(held.loaded);
        } finally {
          // Not awaited: the answer need not wait for it, and this connection sends it before any later command.
          void lock.release();
        }
      });
      chains.set(h, run);
      try {
        return await run;
      } finally {
        if (chains.get(h) === run) chains.delete(h);
      }
    },
    async findDraftsDueForReminder(now, limit = 100) {
      const due = await redis.zrangebyscore(remindKey, 0, now.getTime(), 'LIMIT', 0, limit);
      const reminders: DraftReminder[] = [];
      for (const h of due) {
        // ZREM answers 1 to exactly one caller: that caller sends the reminder.
        if ((await redis.zrem(remindKey, h)) !== 1) continue;
        const loaded = await this.load(h);
        if (!loaded) continue;
        const { draft } = loaded;
        const expiresAt = Date.parse(draft.updatedAt) + ttlMs;
        const hoursLeft = Math.max(1, Math.round((expiresAt - now.getTime()) / 3_600_000));
        reminders.push({
          draftId: draft.id,
          channel: draft.channel,
          chatId: draft.chatId,
          message: { text: catalogueFor(draft.language).reminder(hoursLeft) },
        });
      }
      return reminders;
    },
  };
}
