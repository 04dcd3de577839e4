import { errorText } from '../src/runtime/error-text';
import { loadConfigOrExit, loadDotEnv } from '../src/config';
import { createFieldCipher } from '../src/crypto/field-cipher';
import { connectMongoWithRetry, disconnectMongo } from '../src/db/connect';
import { loadStartingPartners } from '../src/districts/load-starting-partners';
import { createLogger } from '../src/logger';
import { createRedis } from '../src/redis';
import { exitUnlessDataKeyOpensCanary } from '../src/runtime/data-key-canary';
import { createShutdown } from '../src/runtime/run-process';
import { createAdminApp } from './create-admin-app';
import { QUEUES } from '../src/queue/jobs';
import { createQueues } from '../src/queue/queues';
import { outlastProxyKeepAlive } from '../src/runtime/health-server';

loadDotEnv();
const config = loadConfigOrExit();
const logger = createLogger('admin', config.logLevel);
if (!config.admin.sessionSecret) {
  process.stderr.write('Configuration error: SESSION_SECRET: is required for the admin panel (openssl rand -hex 32)\n');
  process.exit(1);
}
const shutdown = createShutdown(logger);

async function main(): Promise<void> {
  const redis = createRedis(config.redis.url);
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
  shutdown.onStop('redis', () => redis.quit());
  shutdown.onStop('mongo', disconnectMongo);
  void connectMongoWithRetry(config.mongo.uri, (attempt) => logger.warn({ attempt }, 'database not reachable yet'))
    .then(() => exitUnlessDataKeyOpensCanary(createFieldCipher(config.crypto)))
    .then(() => logger.info('database connected'))
    .catch((err: unknown) => logger.error({ err: errorText(err) }, 'data key check failed'))
    // After the key check: a first start fills an empty Jejaring Lembaga from the district preset.
    .then(() => loadStartingPartners(config.district))
    .then((added) => added && logger.info({ added }, 'starting partners of the district preset loaded (perlu diperiksa)'))
    .catch((err: Error) => logger.warn({ err: err.message }, 'starting partners not loaded'));

  // The panel adds staff replies to `outbound` and shows every queue on the Koordinator's board.
  const queues = createQueues({ url: config.redis.url }, config.redis.prefix, QUEUES);
  shutdown.onStop('queues', () => Promise.all(Object.values(queues).map((q) => q.close())));
  const app = createAdminApp({ config, redis, logger, queues });
  // Express 5 hands a listen failure (port taken, BIND_ADDRESS not on this machine) to this callback.
  const server = app.listen(config.admin.port, config.bindAddress, (err?: Error) => {
    if (err) {
      logger.fatal({ err: errorText(err) }, 'admin failed to start');
      process.exit(1);
    }
    logger.info({ port: config.admin.port, host: config.bindAddress, district: config.district.key }, 'admin ready');
  });
  outlastProxyKeepAlive(server);
  shutdown.onStop('http', () => new Promise((resolve) => server.close(resolve)));
}

main().catch((err) => {
  logger.fatal({ err }, 'admin failed to start');
  process.exit(1);
});
