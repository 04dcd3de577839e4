import { Composer, Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Redis } from 'ioredis';
import type { FieldCipher } from '../../src/crypto/field-cipher';
import type { HandleInboundMessage, OutboundMessage } from '../../src/intake/messages';
import type { Logger } from '../../src/logger';
import { errorText } from '../../src/runtime/error-text';
import { createChatInbox, PartlySent, type ChatInbox } from '../shared/chat-inbox';
import { createPerChatQueue, type PerChatQueue } from '../shared/per-chat-queue';
import { inSendingOrder, sendReplies, showTyping } from './send-reply';
import { toInboundMessage } from './to-inbound-message';

export interface TelegramBotDeps {
  token: string;
  /** config.telegram.apiRoot: the public Bot API, a local Bot API server, or a test fake. */
  apiRoot: string;
  handle: HandleInboundMessage;
  /** Holds each chat's updates until applied (bots/shared/chat-inbox.ts): shared by every bots process. */
  redis: Redis;
  prefix: string;
  /** Seals what the held updates and their answers say. */
  cipher: FieldCipher;
  /** createLookupHasher: a chat's keys in Redis carry its keyed hash, never its id. */
  hasher: (value: string) => string;
  /** Webhook mode: an update that cannot be stored is refused (Telegram sends it again) instead of handled here. */
  webhook: boolean;
  logger: Logger;
}

export interface TelegramBot {
  bot: Telegraf;
  inbox: ChatInbox;
  /** Updates handled in this process without the inbox (long polling while Redis is away). */
  chats: PerChatQueue;
}

/** The update could not be stored: the webhook answers 503 so that Telegram sends it again. */
export class UpdateNotStoredError extends Error {}

const TYPING_AFTER_MS = 500;

/**
 * The Telegram bot: buttons acknowledged, every update a reporter sent stored in its chat's inbox in Redis, then
 * applied by whichever bots process holds that chat (update_id order, each once: chat-inbox.ts says why), its replies
 * sent back. Telegraf confirms an update to Telegram (the webhook's answer, or the next getUpdates) once it is stored,
 * not once it is answered: a crash after that is covered by the inbox, before it by Telegram sending it again.
 */
export function createTelegramBot(deps: TelegramBotDeps): TelegramBot {
  const { handle, redis, prefix, cipher, hasher, logger } = deps;
  const bot = new Telegraf(deps.token, { telegram: { apiRoot: deps.apiRoot } });
  const chats = createPerChatQueue((err) => logger.error({ err: errorText(err) }, 'telegram reply failed'));
  // Only this process's receipts of one chat, in the order telegraf hands them over (a getUpdates batch is handed over
  // at once): each is stored before the next is, so they reach the inbox in order.
  const receipts = createPerChatQueue(() => undefined);

  /** Applies an update as stored, with "typing…" when the answer is slow to come; answers the replies to send. */
  async function apply(stored: string): Promise<string> {
    const message = toInboundMessage(JSON.parse(stored) as Update, bot.telegram);
    if (!message) return '[]';
    // "typing…" only when the answer is slow to come (a download, a busy database): a quick answer needs none, and
    // sending it anyway doubled the Bot API calls per message (found by the benchmark).
    const typing = setTimeout(() => showTyping(bot.telegram, message.chatId), TYPING_AFTER_MS);
    try {
      return JSON.stringify(await handle(message));
    } finally {
      clearTimeout(typing);
    }
  }
  /** Sends the answer one reply at a time, so that a failure part-way leaves only the rest to send again. */
  async function deliver(stored: string, answer: string): Promise<void> {
    const message = toInboundMessage(JSON.parse(stored) as Update, bot.telegram);
    if (!message) return;
    const replies = inSendingOrder(JSON.parse(answer) as OutboundMessage[]);
    for (const [i, reply] of replies.entries()) {
      try {
        await sendReplies(bot.telegram, message.chatId, [reply]);
      } catch (err) {
        throw i === 0 ? err : new PartlySent(JSON.stringify(replies.slice(i)), err);
      }
    }
  }
  const inbox = createChatInbox({ redis, prefix, channel: 'telegram', cipher, logger, apply, deliver });

  // Update objects carry what people wrote: only the update type goes to the log. An update not stored goes up to the
  // webhook, which refuses it.
  bot.catch((err, ctx) => {
    if (err instanceof UpdateNotStoredError) throw err;
    logger.error({ err: errorText(err), updateType: ctx.updateType }, 'telegram update failed');
  });
  bot.use(async (ctx, next) => {
    const message = toInboundMessage(ctx.update, ctx.telegram);
    if (!message) return next();
    const chatKey = hasher(`telegram:${message.chatId}`);
    const update = ctx.update;
    let stored = false;
    // Queued before anything is awaited: the receipts of one chat keep telegraf's order.
    const receipt = receipts.run(chatKey, async () => {
      await inbox.accept(chatKey, update.update_id, JSON.stringify(update));
      stored = true;
    });
    await next();
    await receipt;
    if (stored) {
      void inbox.drain(chatKey);
      return;
    }
    // Redis is away. Webhook: refuse, Telegram sends it again later (and holds the chat's next updates behind it).
    // Long polling has no refusal (the batch is confirmed whatever happens): handle it here, without the inbox, so the
    // reporter hears a calm answer rather than nothing.
    if (deps.webhook) throw new UpdateNotStoredError(`telegram update ${update.update_id} not stored`);
    void chats.run(chatKey, async () => {
      const replies = await handle(message);
      await sendReplies(ctx.telegram, message.chatId, replies);
    });
  });
  bot.use(acknowledgeButtons());

  return { bot, inbox, chats };
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
