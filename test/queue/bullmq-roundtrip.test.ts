import { QueueEvents, Worker } from 'bullmq';
import { createQueues, enqueue } from '../../src/queue/queues';
import { createRedis } from '../../src/redis';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis';

describe('BullMQ on the real Redis', () => {
  const prefix = uniquePrefix('roundtrip');
  const connection = createRedis(TEST_REDIS_URL, { forBullWorker: true });
  const queues = createQueues(connection, prefix, ['reports']);
  const seen: unknown[] = [];
  const worker = new Worker(
    'reports',
    async (job) => {
      seen.push(job.data);
      return { outcome: 'done' };
    },
    { connection, prefix },
  );
  const eventsConnection = createRedis(TEST_REDIS_URL, { forBullWorker: true });
  const events = new QueueEvents('reports', { connection: eventsConnection, prefix });

  afterAll(async () => {
    await worker.close();
    await events.close();
    await queues.reports?.obliterate({ force: true });
    await queues.reports?.close();
    connection.disconnect();
    eventsConnection.disconnect();
  });

  it('adds a job, processes it once even when added twice, and completes it', async () => {
    await events.waitUntilReady();
    const reportId = 'a'.repeat(24);
    await enqueue(queues, 'triage', { reportId });
    await enqueue(queues, 'triage', { reportId }); // same job id: ignored

    const job = await queues.reports!.getJob(`triage-${reportId}`);
    const result = await job!.waitUntilFinished(events, 10_000);

    expect(result).toEqual({ outcome: 'done' });
    expect(seen).toEqual([{ reportId }]);
  });

  it('refuses a payload that does not match its schema', async () => {
    await expect(enqueue(queues, 'triage', { reportId: 'not-an-id' })).rejects.toThrow(/object id/);
  });
});
