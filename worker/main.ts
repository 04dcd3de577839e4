import type { Queue } from 'bullmq';
import { loadConfigOrExit, loadDotEnv } from '../src/config';
import { createFieldCipher } from '../src/crypto/field-cipher';
import { connectMongoWithRetry, disconnectMongo } from '../src/db/connect';
import { createLogger } from '../src/logger';
import { createRedis } from '../src/redis';
import { readTriageFailures } from '../src/reports/triage-failures';
import { exitUnlessDataKeyOpensCanary } from '../src/runtime/data-key-canary';
import { startHealthServer } from '../src/runtime/health-server';
import { createShutdown } from '../src/runtime/run-process';
import { createWorkerMetrics } from './metrics';
import { startWorkers } from './start-workers';

loadDotEnv();
const config = loadConfigOrExit();
const logger = createLogger('worker', config.logLevel);
const shutdown = createShutdown(logger);

async function main(): Promise<void> {
  const redis = createRedis(config.redis.url, { forBullWorker: true });
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
  shutdown.onStop('redis', () => redis.quit());
  shutdown.onStop('mongo', disconnectMongo);
  await connectMongoWithRetry(config.mongo.uri, (attempt) => logger.warn({ attempt }, 'database not reachable yet'));
  await exitUnlessDataKeyOpensCanary(createFieldCipher(config.crypto));

  const metrics = createWorkerMetrics({ token: config.worker.metricsToken });
  let reportsQueue: Queue | undefined;
  // Triage failures are shown, not judged: the reports concerned are in the queue with people (manual triage).
  const triageFailures = async () => (reportsQueue
    ? { triageFailures: await readTriageFailures({ redis, prefix: config.redis.prefix }, reportsQueue) }
    : {});
  const server = await startHealthServer({ port: config.worker.port, host: config.bindAddress }, redis, metrics.route, triageFailures);
  shutdown.onStop('http', () => new Promise((resolve) => server.close(resolve)));

  const { workers, queues } = await startWorkers({ config, redis, logger, metrics });
  reportsQueue = queues.reports;
  shutdown.onStop('queues', () => Promise.all(Object.values(queues).map((q) => q?.close())));
  // Workers stop first (registered last): in-flight jobs finish, unstarted ones stay in Redis.
  shutdown.onStop('workers', () => Promise.all(workers.map((w) => w.close())));
  logger.info({
    port: config.worker.port, host: config.bindAddress, queues: workers.map((w) => w.name),
    metrics: config.worker.metricsToken ? 'bearer token' : 'loopback only (METRICS_TOKEN unset)',
  }, 'worker ready');
}

main().catch((err) => {
  logger.fatal({ err }, 'worker failed to start');
  process.exit(1);
});
