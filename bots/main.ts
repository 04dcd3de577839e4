import { loadConfigOrExit, loadDotEnv } from '../src/config';
import { createFieldCipher, createLookupHasher } from '../src/crypto/field-cipher';
import { connectMongoWithRetry, disconnectMongo } from '../src/db/connect';
import { createIntakeHandler } from '../src/intake/handle-inbound-message';
import { createLogger } from '../src/logger';
import { createQueues } from '../src/queue/queues';
import { createRedis } from '../src/redis';
import { createFolderMediaStore } from '../src/reports/media-store';
import { exitUnlessDataKeyOpensCanary } from '../src/runtime/data-key-canary';
import { startHealthServer } from '../src/runtime/health-server';
import { createShutdown } from '../src/runtime/run-process';
import { createBotsApp } from './create-bots-app';
import type { BotsContext } from './shared/bots-context';
import { errorText } from '../src/runtime/error-text';
import { startChannelReplyWorker } from './shared/channel-reply-worker';
import { startDraftReminders } from './shared/draft-reminders';
import { startTelegramChannel } from './telegram/telegram-channel';
import { startWebchatChannel } from './webchat/webchat-channel';
import { startWhatsappChannel } from './whatsapp/whatsapp-channel';
import { startWhatsappCloudChannel } from './whatsapp-cloud/whatsapp-cloud-channel';

loadDotEnv();
const config = loadConfigOrExit();
const logger = createLogger('bots', config.logLevel);
const shutdown = createShutdown(logger);

async function main(): Promise<void> {
  const redis = createRedis(config.redis.url);
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
  const queueConnection = createRedis(config.redis.url, { forBullWorker: true });
  queueConnection.on('error', () => undefined);
  shutdown.onStop('redis', () => Promise.all([redis.quit(), queueConnection.quit()]));
  shutdown.onStop('mongo', disconnectMongo);
  await connectMongoWithRetry(config.mongo.uri, (attempt) => logger.warn({ attempt }, 'database not reachable yet'));
  const cipher = createFieldCipher(config.crypto);
  // Before any channel starts: a wrong key must not store reports nobody can read.
  await exitUnlessDataKeyOpensCanary(cipher);

  const queues = createQueues(queueConnection, config.redis.prefix, ['reports', 'alerts']);
  shutdown.onStop('queues', () => Promise.all(Object.values(queues).map((q) => q?.close())));
  const hasher = createLookupHasher(config.crypto.lookupHashKey);
  const handle = createIntakeHandler({
    redis, cipher, queues, config, logger, hasher,
    district: config.district,
    mediaStore: createFolderMediaStore(config.media.dir, cipher),
  });

  const { channels: routes, asExtraRoute } = createBotsApp(config.trustProxy);
  const server = await startHealthServer({ port: config.bots.port, host: config.bindAddress }, redis, asExtraRoute);
  shutdown.onStop('http', () => new Promise((resolve) => server.close(resolve)));

  // Channels stop before the HTTP server and the stores (hooks run last-registered first).
  const ctx: BotsContext = { config, logger, redis, handle, hasher, routes, shutdown, senders: {} };
  const channels: Record<string, string> = {};
  // One channel failing to start never keeps the others off.
  const attempt = async (start: () => Promise<string> | string): Promise<string> => {
    try {
      return await start();
    } catch (err) {
      return `off: failed to start (${errorText(err)})`;
    }
  };
  channels.telegram = await attempt(() => startTelegramChannel(ctx, cipher));
  channels.webchat = await attempt(() => startWebchatChannel(ctx, cipher));
  channels.whatsapp = await attempt(() => startWhatsappChannel(ctx, cipher));
  channels.whatsapp_cloud = await attempt(() => startWhatsappCloudChannel(ctx));

  startDraftReminders({ drafts: handle.drafts, senders: ctx.senders, logger, shutdown });
  const replies = startChannelReplyWorker({ senders: ctx.senders, cipher, connection: queueConnection, prefix: config.redis.prefix, logger });
  shutdown.onStop('channel-replies', () => replies.close());
  // One line per channel, then "bots ready" last: whoever waits for it has seen them all.
  for (const [channel, state] of Object.entries(channels)) logger.info({ channel, state }, `${channel}: ${state}`);
  logger.info({ port: config.bots.port, host: config.bindAddress, channels }, 'bots ready');
}

main().catch((err) => {
  logger.fatal({ err }, 'bots failed to start');
  process.exit(1);
});
