import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import type { FieldCipher } from '../../src/crypto/field-cipher';
import type { Logger } from '../../src/logger';
import { errorText } from '../../src/runtime/error-text';
import { keepLock, runScript } from '../../src/redis';

/**
 * A chat's inbound updates, held in Redis until they are applied, so that several bots processes behind one address
 * apply one chat's updates one at a time, in the channel's own order (Telegram's update_id), each once, and an update
 * a process received is not lost when that process dies before applying it.
 *
 * Why this shape (issue 15's webhook bench: two processes, a chat's update N on one and N+1 on the other, N+1 applied
 * first):
 * - On receipt an update goes into its chat's sorted set, scored by its id, in one script that also refuses an id seen
 *   before (a re-delivery). The channel answers its sender (Telegram's webhook) only after that, so a crash before it
 *   is covered by the sender's own retry, and after it by this set.
 * - Whoever holds the chat's lock applies the set lowest id first, and sends each answer before the next is applied;
 *   other processes only add to the set. An update that arrives after a later one of its chat was applied (a sender
 *   that does not keep a chat's order) is still applied, once, and logged; it is not held back waiting for gaps,
 *   because update ids are numbered across all chats and a gap says nothing. Telegram's Bot API server sends a chat's
 *   next update only once the previous one was answered (tdlib/telegram-bot-api, WebhookActor: one update in flight
 *   per chat), so with the quick answer above a chat's updates reach the set in order.
 * - The lock lives a few seconds and is renewed while its holder lives. A holder that dies leaves the set and a due
 *   time in the list of waiting chats; every process sweeps that list, and the first to take the expired lock goes on
 *   where the dead one stopped.
 * - "Applied" is recorded, with the answer to send (sealed), as soon as the engine answers; the update leaves the queue
 *   once its answer is sent. A crash in between sends the answer again (the reporter may see it twice) rather than
 *   applying the update twice. Only a crash between the engine saving the draft and that record (one Redis round trip)
 *   can apply an update twice.
 * - What an update or an answer holds is personal: both are sealed with the field cipher, bound to their chat and id.
 */
export interface ChatInbox {
  /** Stores the update durably: true if new, false if it was seen before (a re-delivery). Throws when Redis cannot. */
  accept(chatKey: string, id: number, update: string): Promise<boolean>;
  /** Applies the chat's waiting updates unless another process is at it (that one, or the sweep, will). */
  drain(chatKey: string): Promise<void>;
  /** Starts looking for chats left waiting (a holder that died, an update that failed and waits to be tried again). */
  start(): void;
  /** Stops the sweep and waits for this process's drains to finish the update each is at. */
  stop(): Promise<void>;
}

export interface ChatInboxOptions {
  redis: Redis;
  /** Redis key prefix (config.redis.prefix). */
  prefix: string;
  /** The channel whose updates these are ("telegram"): keys and sealed values are its own. */
  channel: string;
  cipher: FieldCipher;
  logger: Logger;
  /** Applies one update (as accepted) and answers what to send for it, serialised. Throwing leaves it to be tried again. */
  apply(update: string): Promise<string>;
  /**
   * Sends what `apply` answered for this update. Throwing leaves it to be sent again; a PartlySent error says what is
   * left, so that what was sent is not sent twice.
   */
  deliver(update: string, answer: string): Promise<void>;
}

/** Thrown by a `deliver` that sent part of an answer: `left` (in the answer's own form) is what is still to send. */
export class PartlySent extends Error {
  constructor(readonly left: string, cause: unknown) {
    super(`partly sent: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

const LOCK_TTL_MS = 5_000;
// A waiting chat is looked at by the sweep once its holder has had this long: a live holder keeps its lock, a dead
// one's has expired by then.
const STALE_MS = LOCK_TTL_MS + 1_000;
const SWEEP_EVERY_MS = 1_000;
const SWEEP_BATCH = 200;
// At most this many chats applied at once in one process; the others wait in Redis, where any process may take them.
// The webhook used to be answered once an update was handled, so Telegram's 40 connections bounded the work in hand;
// answered on receipt, nothing did, and a burst of first messages had every one handled at once (the bench: 1,000
// reporters' answers slowed past their 60 s patience, and the re-sends made it worse).
const MAX_CHATS_AT_ONCE = 40;
// Updates not applied within a day are stale for the reporter too (Telegram keeps them about as long).
const KEEP_MS = 24 * 3600_000;
const DONE_TTL_S = 24 * 3600;
// An update whose apply or send keeps failing (the database away) is tried again after 1, 2, 4, 8, 16 s, then given up
// with an error in the log: one poisoned update must not hold its chat's later ones for ever.
const MAX_ATTEMPTS = 6;
const RETRY_BASE_MS = 1_000;

// KEYS: done marker, queue (zset), data (hash), waiting chats (zset). ARGV: id, sealed update, keep ms, due at, chat key.
const ACCEPT_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
if redis.call('ZADD', KEYS[2], 'NX', ARGV[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[3], 'u:' .. ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[5])
return 1`;
// KEYS: done marker, data. ARGV: id, sealed answer, done ttl s. Answers the highest id applied before this one. The
// update stays beside its answer until the answer is sent: it says where to send it.
const APPLIED_SCRIPT = `
local last = tonumber(redis.call('HGET', KEYS[2], 'last') or '0')
redis.call('HDEL', KEYS[2], 'n:' .. ARGV[1])
redis.call('HSET', KEYS[2], 'r:' .. ARGV[1], ARGV[2])
if tonumber(ARGV[1]) > last then redis.call('HSET', KEYS[2], 'last', ARGV[1]) end
redis.call('SET', KEYS[1], '1', 'EX', ARGV[3])
return last`;
// KEYS: done marker, queue, data. ARGV: id, done ttl s. The update is finished with (sent, or given up).
const DONE_SCRIPT = `
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], 'u:' .. ARGV[1], 'r:' .. ARGV[1], 'n:' .. ARGV[1])
redis.call('SET', KEYS[1], '1', 'EX', ARGV[2])
return 1`;
// KEYS: queue, data, waiting chats, lock, done marker of the update finished with ('' none). ARGV: chat key, lock token,
// id finished with ('' none), done ttl s. Finishes that update (sent, or given up), then answers the lowest id with its
// sealed update and answer (if any). None left: the chat leaves the waiting list and its lock is let go in the same
// step, so an update accepted after it finds the chat free and its own process applies it; one accepted before it is
// seen here. One round trip between an answer sent and the next update, or the lock let go: the less a holder lingers,
// the less it keeps a chat whose next message arrived meanwhile (the bench's reporters answer at once, and chats
// gathered on the slower process).
const NEXT_SCRIPT = `
if ARGV[3] ~= '' then
  redis.call('ZREM', KEYS[1], ARGV[3])
  redis.call('HDEL', KEYS[2], 'u:' .. ARGV[3], 'r:' .. ARGV[3], 'n:' .. ARGV[3])
  redis.call('SET', KEYS[5], '1', 'EX', ARGV[4])
end
local ids = redis.call('ZRANGE', KEYS[1], 0, 0)
if #ids == 0 then
  redis.call('ZREM', KEYS[3], ARGV[1])
  if redis.call('GET', KEYS[4]) == ARGV[2] then redis.call('DEL', KEYS[4]) end
  return false
end
local id = ids[1]
return {id, redis.call('HGET', KEYS[2], 'u:' .. id), redis.call('HGET', KEYS[2], 'r:' .. id)}`;

export function createChatInbox(opts: ChatInboxOptions): ChatInbox {
  const { redis, prefix, channel, cipher, logger } = opts;
  const base = `${prefix}:inbox:${channel}`;
  const queueKey = (h: string) => `${base}:${h}`;
  const dataKey = (h: string) => `${base}:${h}:data`;
  const lockKey = (h: string) => `${base}:${h}:lock`;
  const doneKey = (id: string | number) => `${base}:done:${id}`;
  const waitingKey = `${base}:waiting`;
  const binding = (h: string, id: string | number, field: 'update' | 'answer') => fieldOf(BOUND.chatInbox, `${channel}:${h}:${id}`, field);

  const run = (script: string, keys: string[], ...args: (string | number)[]) => runScript(redis, script, keys, args);

  // This process's drains, one per chat; a drain asked for while one runs makes that one look again before it ends.
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  let stopping = false;
  let sweep: NodeJS.Timeout | undefined;

  async function accept(h: string, id: number, update: string): Promise<boolean> {
    const sealed = cipher.encrypt(update, binding(h, id, 'update'));
    const added = await run(ACCEPT_SCRIPT, [doneKey(id), queueKey(h), dataKey(h), waitingKey], id, sealed, KEEP_MS, Date.now() + STALE_MS, h);
    return added === 1;
  }

  function drain(h: string): Promise<void> {
    const current = running.get(h);
    if (current) {
      again.add(h);
      return current;
    }
    const next = drainWhileAsked(h);
    running.set(h, next);
    return next;
  }

  // The last look at `again` and leaving `running` happen in one synchronous step: a drain asked for in between (its
  // update accepted just after this one let go of the lock) would otherwise be lost, and its chat would wait for the
  // sweep (found by the bench: answers over 60 s late with one process).
  async function drainWhileAsked(h: string): Promise<void> {
    await takeSlot();
    try {
      do {
        again.delete(h);
        await drainOnce(h);
      } while (again.has(h));
    } catch (err) {
      logger.error({ err: errorText(err), channel }, 'chat inbox drain failed');
    } finally {
      running.delete(h);
      giveSlot();
    }
  }

  let busySlots = 0;
  const slotWaiters: (() => void)[] = [];
  async function takeSlot(): Promise<void> {
    if (busySlots < MAX_CHATS_AT_ONCE) {
      busySlots++;
      return;
    }
    // Handed over by giveSlot, still counted.
    await new Promise<void>((resolve) => slotWaiters.push(resolve));
  }
  function giveSlot(): void {
    const next = slotWaiters.shift();
    if (next) next();
    else busySlots--;
  }

  async function drainOnce(h: string): Promise<void> {
    const token = randomUUID();
    // Another process holds the chat: it applies what this one just added (it sees it before it lets go).
    if ((await redis.set(lockKey(h), token, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') return;
    const lock = keepLock(redis, lockKey(h), token, LOCK_TTL_MS);
    let outcome: 'empty' | 'later' | 'stop' = 'stop';
    try {
      outcome = await drainHeld(h, token, () => lock.lost);
    } finally {
      // 'empty' let go of the lock in its last step.
      if (outcome === 'empty') lock.stopRenewing();
      else await lock.release();
    }
  }

  /** Applies the chat's updates lowest id first while the lock is ours; 'empty' has let go of it. */
  async function drainHeld(h: string, token: string, lockLost: () => boolean): Promise<'empty' | 'later' | 'stop'> {
    let finished = '';
    for (;;) {
      if (stopping || lockLost()) {
        if (finished) await run(DONE_SCRIPT, [doneKey(finished), queueKey(h), dataKey(h)], finished, DONE_TTL_S);
        // Left for another process: due at once.
        await redis.zadd(waitingKey, Date.now(), h);
        return 'stop';
      }
      const next = (await run(NEXT_SCRIPT, [queueKey(h), dataKey(h), waitingKey, lockKey(h), finished ? doneKey(finished) : ''], h, token, finished, DONE_TTL_S)) as
        | [string, string | null, string | null]
        | null;
      if (!next) return 'empty';
      const [id, sealedUpdate, sealedAnswer] = next;
      // Whatever happens below, this update is finished with in the next step unless it is left to be tried again.
      finished = id;
      // Expired with its data (a day old): nothing left to apply.
      if (!sealedUpdate) continue;
      const update = cipher.decrypt(sealedUpdate, binding(h, id, 'update'));
      // An answer already there: a holder applied the update and died before sending it.
      let answer = sealedAnswer ? cipher.decrypt(sealedAnswer, binding(h, id, 'answer')) : null;
      if (answer === null) {
        try {
          answer = await opts.apply(update);
        } catch (err) {
          if (await failed(h, id, err, 'apply')) continue;
          return 'later';
        }
        const last = Number(await run(APPLIED_SCRIPT, [doneKey(id), dataKey(h)], id, cipher.encrypt(answer, binding(h, id, 'answer')), DONE_TTL_S));
        if (last > Number(id)) logger.warn({ channel, updateId: Number(id), after: last }, 'update applied after a later one of its chat (it arrived after it)');
      }
      try {
        await opts.deliver(update, answer);
      } catch (err) {
        if (await failed(h, id, err, 'deliver')) continue;
        return 'later';
      }
    }
  }

  /** Counts a failed attempt: true when the update is given up (go on with the next), false to try again later. */
  async function failed(h: string, id: string, err: unknown, step: 'apply' | 'deliver'): Promise<boolean> {
    // Only what was not sent is sent again.
    if (err instanceof PartlySent) await redis.hset(dataKey(h), `r:${id}`, cipher.encrypt(err.left, binding(h, id, 'answer')));
    const attempts = await redis.hincrby(dataKey(h), `n:${id}`, 1);
    if (attempts >= MAX_ATTEMPTS) {
      // Finished with by the next step of the drain, as one sent.
      logger.error({ err: errorText(err), channel, updateId: Number(id), attempts, step }, 'chat inbox update given up');
      return true;
    }
    const waitMs = RETRY_BASE_MS * 2 ** (attempts - 1);
    logger.warn({ err: errorText(err), channel, updateId: Number(id), attempts, step, retryInMs: waitMs }, 'chat inbox update failed; tried again later');
    await redis.zadd(waitingKey, Date.now() + waitMs, h);
    return false;
  }

  async function sweepOnce(): Promise<void> {
    const now = Date.now();
    const due = await redis.zrangebyscore(waitingKey, '-inf', now, 'LIMIT', 0, SWEEP_BATCH);
    if (!due.length) return;
    // Put back first, the chats this process is at included (or the sweep would find them first every time and never
    // reach the others): the other processes' sweeps leave them alone meanwhile; a drain that empties one removes it.
    await redis.zadd(waitingKey, 'XX', ...due.flatMap((h) => [now + STALE_MS, h]));
    for (const h of due) if (!running.has(h)) void drain(h);
  }

  return {
    accept,
    drain,
    start() {
      if (sweep) return;
      stopping = false;
      sweep = setInterval(() => {
        sweepOnce().catch((err) => logger.warn({ err: errorText(err), channel }, 'chat inbox sweep failed'));
      }, SWEEP_EVERY_MS);
      sweep.unref();
    },
    async stop() {
      stopping = true;
      clearInterval(sweep);
      sweep = undefined;
      while (running.size) await Promise.all([...running.values()]);
    },
  };
}
