import { loadConfigOrExit, loadDotEnv } from '../src/config';
import { connectMongoWithRetry, disconnectMongo } from '../src/db/connect';
import { createLogger } from '../src/logger';
import { createRedis } from '../src/redis';
import { startHealthServer } from '../src/runtime/health-server';
import { createShutdown } from '../src/runtime/run-process';

loadDotEnv();
const config = loadConfigOrExit();
const logger = createLogger('bots', config.logLevel);
const shutdown = createShutdown(logger);

async function main(): Promise<void> {
  const redis = createRedis(config.redis.url);
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
  shutdown.onStop('redis', () => redis.quit());
  shutdown.onStop('mongo', disconnectMongo);
  await connectMongoWithRetry(config.mongo.uri, (attempt) => logger.warn({ attempt }, 'database not reachable yet'));

  const server = await startHealthServer(config.bots.port, redis);
  shutdown.onStop('http', () => new Promise((resolve) => server.close(resolve)));

  const channels: Record<string, string> = {
    telegram: config.telegram.token ? 'on' : 'off: TELEGRAM_BOT_TOKEN is not set',
  };
  logger.info({ port: config.bots.port, channels }, 'bots ready');
}

main().catch((err) => {
  logger.fatal({ err }, 'bots failed to start');
  process.exit(1);
});
