import { existsSync } from 'node:fs';
import { createQueues } from '../../src/queue/queues';
import { createRedis } from '../../src/redis';
import type { BotsContext } from '../shared/bots-context';
import type { FieldCipher } from '../../src/crypto/field-cipher';
import { createWhatsappClient } from './create-client';
import { startWhatsappOutboundWorker } from './outbound-worker';
import { queueReplies } from './send-reply';
import { startWhatsapp } from './start-whatsapp';

/** Starts the whatsapp-web.js session and its outbound queue if enabled; answers its status line. */
export function startWhatsappChannel(ctx: BotsContext, cipher: FieldCipher): string {
  const { config, logger, redis, handle, hasher, shutdown, senders } = ctx;
  if (!config.whatsapp.enabled) return 'off: WHATSAPP_ENABLED is false';
  if (!existsSync(config.whatsapp.chromiumPath)) return `off: no Chromium at CHROMIUM_PATH (${config.whatsapp.chromiumPath})`;

  const prefix = config.redis.prefix;
  const connection = createRedis(config.redis.url, { forBullWorker: true });
  connection.on('error', () => undefined);
  // alerts and outbound: a WhatsApp alert that reached nobody escalates at once, one that arrived tells its reporter.
  const queues = createQueues(connection, prefix, ['whatsapp', 'alerts', 'outbound']);
  const outbox = { queues, redis, cipher, hasher, prefix, perChatPerMinute: config.whatsapp.sendPerChatPerMinute };
  const client = createWhatsappClient(config);
  const running = startWhatsapp({ client, handle, outbox, redis, prefix, logger });
  const worker = startWhatsappOutboundWorker({
    client, isReady: running.isReady, cipher, connection, prefix, queues, sendPerSecond: config.whatsapp.sendPerSecond, logger,
  });
  shutdown.onStop('whatsapp', async () => {
    await worker.close();
    await running.stop();
    await Promise.all(Object.values(queues).map((q) => q?.close()));
    await connection.quit();
  });
  senders.whatsapp = (chatId, replies) => queueReplies(outbox, chatId, replies);
  return 'on (starting; scan the QR code if asked)';
}
