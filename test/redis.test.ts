import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import { createQueues } from '../src/queue/queues';
import { createRedis } from '../src/redis';
import { startOwnRedis } from './support/own-redis';
import { uniquePrefix } from './support/redis';

// Production Redis requires a password, carried in REDIS_URL. Each way our processes open a connection must take it
// from there: the request connection (drafts, sessions, throttles), the BullMQ one (bots, worker), and queues opened
// from `{ url }` (the admin panel and its bull-board). The shared test Redis has no password and keeps none.
describe('connections to a Redis that requires a password, from REDIS_URL', () => {
  // Characters that must be percent-encoded in a URL, to show the URL is decoded, not copied.
  const password = `p@ss/w:rd#${randomBytes(8).toString('hex')}`;
  let redis: Awaited<ReturnType<typeof startOwnRedis>>;
  const toClose: { quit?: () => Promise<unknown>; close?: () => Promise<unknown> }[] = [];

  beforeAll(async () => {
    redis = await startOwnRedis({ password });
  }, 30_000);
  afterAll(async () => {
    for (const c of toClose) await (c.close ?? c.quit)!.call(c).catch(() => undefined);
    await redis?.stop();
  });

  it('is refused without the password (the server really requires it)', async () => {
    const bare = createRedis(redis.url.replace(/:[^:@/]+@/, ''), { forBullWorker: false });
    bare.on('error', () => undefined);
    toClose.push(bare);
    await expect(bare.set('k', 'v')).rejects.toThrow(/NOAUTH/);
  });

  it.each([false, true])('createRedis (forBullWorker: %s) authenticates with it', async (forBullWorker) => {
    const client = createRedis(redis.url, { forBullWorker });
    toClose.push(client);
    await client.set('k', 'v');
    expect(await client.get('k')).toBe('v');
  });

  it('BullMQ queues from a connection (bots, worker) and from { url } (admin, bull-board) add and count jobs', async () => {
    const prefix = uniquePrefix('redis-auth');
    const connection = createRedis(redis.url, { forBullWorker: true });
    toClose.push(connection);
    const fromConnection = createQueues(connection, prefix, ['reports']).reports as Queue;
    const fromUrl = createQueues({ url: redis.url }, prefix, ['reports']).reports as Queue;
    toClose.push(fromConnection, fromUrl);
    await fromConnection.add('triage', { reportId: 'a'.repeat(24) });
    expect(await fromUrl.getJobCounts('waiting')).toEqual({ waiting: 1 });
  });
});
