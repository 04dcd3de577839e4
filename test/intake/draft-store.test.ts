import { loadConfig } from '../../src/config';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { createFieldCipher } from '../../src/crypto/field-cipher';
import { newDraft } from '../../src/intake/draft';
import { createDraftStore } from '../../src/intake/draft-store';
import { createRedis } from '../../src/redis';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis';

const prefix = uniquePrefix('draftstore');
const redis = createRedis(TEST_REDIS_URL);
const cipher = createFieldCipher(loadConfig().crypto);
const store = createDraftStore({ redis, cipher, prefix, ttlMinutes: 60, reminderBeforeMinutes: 10 });
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

const draft = newDraft({ id: 'd1', channel: 'telegram', chatId: '42', now: new Date() });

describe('draft store', () => {
  it('refuses a save based on a version someone else has already replaced', async () => {
    expect(await store.save('h1', draft, null)).toBe(true);
    const loaded = await store.load('h1');
    expect(loaded?.version).toBe(1);
    expect(await store.save('h1', { ...draft, step: 'danger' }, 1)).toBe(true);
    // A writer still holding version 1, or one that thinks there is no draft yet, loses.
    expect(await store.save('h1', { ...draft, step: 'category' }, 1)).toBe(false);
    expect(await store.save('h1', { ...draft, step: 'category' }, null)).toBe(false);
    expect((await store.load('h1'))?.draft.step).toBe('danger');
  });

  it('treats a draft it cannot read (tampered, other key, old shape) as none', async () => {
    await redis.hset(`${prefix}:intake:draft:h2`, 'v', '3', 'd', 'enc:v1:k1:AAAA');
    expect(await store.load('h2')).toBeNull();
    await redis.hset(`${prefix}:intake:draft:h3`, 'v', '1', 'd', cipher.encrypt(JSON.stringify({ hello: 'world' }), fieldOf(BOUND.drafts, 'h3', 'draft')));
    expect(await store.load('h3')).toBeNull();
    // One chat's draft copied under another chat's key: bound to its own chat, it does not open there.
    expect(await store.save('h4', draft, null)).toBe(true);
    await redis.hset(`${prefix}:intake:draft:h5`, 'v', '1', 'd', (await redis.hget(`${prefix}:intake:draft:h4`, 'd'))!);
    expect((await store.load('h4'))?.draft.step).toBe(draft.step);
    expect(await store.load('h5')).toBeNull();
  });

  it('runs the work of one chat one at a time, across two stores (two processes)', async () => {
    const other = createDraftStore({ redis, cipher, prefix, ttlMinutes: 60, reminderBeforeMinutes: 10 });
    const trace: string[] = [];
    const work = (name: string) => async () => {
      trace.push(`${name}:start`);
      await new Promise((r) => setImmediate(r));
      await redis.ping();
      trace.push(`${name}:end`);
      return name;
    };
    const results = await Promise.all([store.withChatLock('h4', work('a')), other.withChatLock('h4', work('b')), store.withChatLock('h4', work('c'))]);
    expect(results.sort()).toEqual(['a', 'b', 'c']);
    for (let i = 0; i < trace.length; i += 2) expect(trace[i]!.split(':')[0]).toBe(trace[i + 1]!.split(':')[0]);
  });
});
