import { randomUUID } from 'node:crypto';
import { Composer, Telegraf } from 'telegraf';
import type { Redis } from 'ioredis';
import type { HandleInboundMessage } from '../../src/intake/messages';
import type { Logger } from '../../src/logger';
import { createPerChatQueue, type PerChatQueue } from '../shared/per-chat-queue';
import { errorText } from '../../src/runtime/error-text';
import { sendReplies, showTyping } from './send-reply';
import { toInboundMessage } from './to-inbound-message';

export interface TelegramBotDeps {
  token: string;
  /** config.telegram.apiRoot: the public Bot API, a local Bot API server, or a test fake. */
  apiRoot: string;
  handle: HandleInboundMessage;
  /** Remembers update ids so an update Telegram delivers twice is answered once, and one a crash cut short again. */
  redis: Redis;
  prefix: string;
  logger: Logger;
}

const ANSWERED_UPDATE_TTL_S = 24 * 3600;
const TAKEN_UPDATE_TTL_S = 3600;
const TYPING_AFTER_MS = 500;
// How long an update may keep telegraf from confirming it (and the rest of its batch) to Telegram.
const CONFIRM_WITHIN_MS = 3_000;

// An update is "taken" by one process while it is handled and "answered" once its replies are sent. Another process
// (the one started after a crash) may take an update a dead one had taken; the same process never takes one twice.
const TAKE_UPDATE_SCRIPT = `
local v = redis.call('GET', KEYS[1])
if v == 'answered' or v == ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return 1`;

/**
 * The Telegram bot: buttons acknowledged, every update translated and handed to the engine, replies sent back.
 * Updates are handled in the background, one at a time per chat, so a slow download never holds up other chats.
 */
export function createTelegramBot(deps: TelegramBotDeps): { bot: Telegraf; chats: PerChatQueue } {
  const { handle, redis, prefix, logger } = deps;
  const instance = `taken:${randomUUID()}`;
  const bot = new Telegraf(deps.token, { telegram: { apiRoot: deps.apiRoot } });
  const chats = createPerChatQueue((err) => logger.error({ err: errorText(err) }, 'telegram reply failed'));

  // Update objects carry what people wrote: only the update type goes to the log.
  bot.catch((err, ctx) => logger.error({ err: errorText(err), updateType: ctx.updateType }, 'telegram update failed'));
  bot.use(acknowledgeButtons());
  bot.use(async (ctx) => {
    const message = toInboundMessage(ctx.update, ctx.telegram);
    if (!message) return;
    const updateId = ctx.update.update_id;
    if (!(await takeUpdate(updateId))) return;
    const chatId = message.chatId;
    const answered = chats.run(chatId, async () => {
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
      await redis.set(updateKey(updateId), 'answered', 'EX', ANSWERED_UPDATE_TTL_S).catch(() => undefined);
    });
    // Telegraf confirms an update to Telegram once this returns (polling: with the next getUpdates; webhook: with the
    // HTTP answer). Returning after the answer is sent means an update a crash interrupted is delivered again, to the
    // restarted process, instead of leaving its reporter in silence. The wait is bounded, so that one slow chat (a
    // large download) holds up the next batch for the others only briefly.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([answered, new Promise((r) => (timer = setTimeout(r, CONFIRM_WITHIN_MS)))]);
    clearTimeout(timer);
  });

  const updateKey = (updateId: number) => `${prefix}:telegram:update:${updateId}`;
  async function takeUpdate(updateId: number): Promise<boolean> {
    try {
      return (await redis.eval(TAKE_UPDATE_SCRIPT, 1, updateKey(updateId), instance, String(TAKEN_UPDATE_TTL_S))) === 1;
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
