import { loadConfig } from '../../src/config';
import type { AlertRole } from '../../src/db/models/on-call-shift.model';
import { createLogger } from '../../src/logger';
import { createRedis } from '../../src/redis';
import { startWorkers } from '../../worker/start-workers';
import { createWorkerMetrics } from '../../worker/metrics';
import { putOnCall } from '../factories/report';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-bot-api';
import { useTestDatabase } from './database';
import { TEST_REDIS_URL, uniquePrefix } from './redis';

/** The worker's queues and processors running in this test process, on the real Redis under a unique prefix. */
export async function startTestWorkers(label: string, mongoUri: string, env: Record<string, string> = {}) {
  const config = loadConfig({
    ...process.env, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: uniquePrefix(label), MONGODB_URI: mongoUri,
    SWEEP_EVERY_SECONDS: '3600', ...env,
  });
  const redis = createRedis(config.redis.url, { forBullWorker: true });
  const metrics = createWorkerMetrics();
  const { workers, queues } = await startWorkers({ config, redis, logger: createLogger('test-worker', process.env.TEST_WORKER_LOG ?? 'silent'), metrics });
  return {
    config, queues, workers, metrics,
    async stop() {
      await Promise.all(workers.map((w) => w.close()));
      for (const queue of Object.values(queues)) {
        await queue?.obliterate({ force: true }).catch(() => undefined);
        await queue?.close();
      }
      redis.disconnect();
    },
  };
}

export type TestWorkers = Awaited<ReturnType<typeof startTestWorkers>>;

/**
 * For one describe block: a database of its own, a fake Telegram Bot API, the worker's processors sending to it, and
 * who is on call (role, user id, Telegram chat). Filled in before the first test, stopped after the last.
 */
export function useWorkersWithFakeTelegram(
  label: string,
  opts: { env?: Record<string, string>; onCall?: [AlertRole, string, number][] } = {},
): { telegram: FakeTelegram; harness: TestWorkers } {
  const db = useTestDatabase(label);
  const setup = {} as { telegram: FakeTelegram; harness: TestWorkers };
  beforeAll(async () => {
    setup.telegram = await startFakeTelegram();
    setup.harness = await startTestWorkers(label, db.uri, {
      TELEGRAM_BOT_TOKEN: setup.telegram.token, TELEGRAM_API_ROOT: setup.telegram.apiRoot, ...opts.env,
    });
    for (const [role, userId, chatId] of opts.onCall ?? []) await putOnCall(setup.harness.config, role, userId, chatId);
  });
  afterAll(async () => {
    await setup.harness?.stop();
    await setup.telegram?.close();
  });
  return setup;
}
