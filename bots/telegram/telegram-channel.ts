import type { FieldCipher } from '../../src/crypto/field-cipher';
import type { BotsContext } from '../shared/bots-context';
import { createTelegramBot } from './create-bot';
import { sendReplies } from './send-reply';
import { startTelegram } from './start-telegram';

/** Starts Telegram if configured; answers its status line ("on …" or "off: why"). */
export async function startTelegramChannel(ctx: BotsContext, cipher: FieldCipher): Promise<string> {
  const { config, logger, redis, handle, hasher, routes, shutdown, senders } = ctx;
  const { token, apiRoot, webhookUrl, webhookSecret } = config.telegram;
  if (!token) return 'off: TELEGRAM_BOT_TOKEN is not set';
  if (webhookUrl && !webhookSecret) return 'off: TELEGRAM_WEBHOOK_URL is set without TELEGRAM_WEBHOOK_SECRET';

  const telegram = createTelegramBot({
    token, apiRoot, handle, redis, prefix: config.redis.prefix, cipher, hasher, webhook: Boolean(webhookUrl), logger,
  });
  const running = await startTelegram(telegram, { webhookUrl, webhookSecret }, logger);
  if (running.router) routes.use(running.router);
  shutdown.onStop('telegram', () => running.stop());
  senders.telegram = (chatId, replies) => sendReplies(telegram.bot.telegram, chatId, replies);
  return webhookUrl ? 'on (webhook)' : 'on (long polling)';
}
