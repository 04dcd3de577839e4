import { Composer, Telegraf } from 'telegraf';
import type { Redis } from 'ioredis';
import type { HandleInboundMessage } from '../../src/intake/messages';
import type { Logger } from '../../src/logger';
import { createPerChatQueue, type PerChatQueue } from '../shared/per-chat-queue';
import { errorText } from '../shared/error-text';
import { sendReplies, showTyping } from './send-reply';
import { toInboundMessage } from './to-inbound-message';

export interface TelegramBotDeps {
  token: string;
  /** config.telegram.apiRoot: the public Bot API, a local Bot API server, or a test fake. */
  apiRoot: string;
  handle: HandleInboundMessage;
  /** Remembers update ids so an update Telegram delivers twice (after a crash) is answered once. */
  redis: Redis;
  prefix: string;
  logger: Logger;
}

const SEEN_UPDATE_TTL_S = 24 * 3600;
const TYPING_AFTER_MS = 500;

/**
 * The Telegram bot: buttons acknowledged, every update translated and handed to the engine, replies sent back.
 * Updates are handled in the background, one at a time per chat, so a slow download never holds up other chats.
 */
export function createTelegramBot(deps: TelegramBotDeps): { bot: Telegraf; chats: PerChatQueue } {
  const { handle, redis, prefix, logger } = deps;
  const bot = new Telegraf(deps.token, { telegram: { apiRoot: deps.apiRoot } });
  const chats = createPerChatQueue((err) => logger.error({ err: errorText(err) }, 'telegram reply failed'));

  // Update objects carry what people wrote: only the update type goes to the log.
  bot.catch((err, ctx) => logger.error({ err: errorText(err), updateType: ctx.updateType }, 'telegram update failed'));
  bot.use(acknowledgeButtons());
  bot.use(async (ctx) => {
    const message = toInboundMessage(ctx.update, ctx.telegram);
    if (!message) return;
    if (!(await firstDelivery(ctx.update.update_id))) return;
    const chatId = message.chatId;
    void chats.run(chatId, async () => {
      // "typing…" only when the answer is slow to come (a download, a busy database): a quick answer needs none, and
      // sending it anyway doubled the Bot API calls per message (found by the benchmark).
      const typing = setTimeout(() => showTyping(ctx.telegram, chatId), TYPING_AFTER_MS);
      let replies;
      try {
        replies = await handle(message);
      } finally {
        clearTimeout(typing);
      }
      await sendReplies(ctx.telegram, chatId, replies);
    });
  });

  async function firstDelivery(updateId: number): Promise<boolean> {
    try {
      const set = await redis.set(`${prefix}:telegram:update:${updateId}`, '1', 'EX', SEEN_UPDATE_TTL_S, 'NX');
      return set === 'OK';
    } catch {
      // Without Redis the engine cannot work either; let it answer calmly rather than stay silent.
      return true;
    }
  }

  return { bot, chats };
}

/** A pressed button stops spinning at once, and its keyboard goes away so it cannot be pressed twice. */
function acknowledgeButtons(): Composer<any> {
  const composer = new Composer();
  composer.on('callback_query', async (ctx, next) => {
    ctx.answerCbQuery().catch(() => undefined);
    if (ctx.callbackQuery.message) ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    return next();
  });
  return composer;
}
