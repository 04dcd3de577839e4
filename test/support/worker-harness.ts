import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createRedis } from '../../src/redis';
import { startWorkers } from '../../worker/start-workers';
import { createWorkerMetrics } from '../../worker/metrics';
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
