import { TelegramError, type Telegram } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { renderAsText, type OutboundMessage } from '../../src/intake/messages';

// Where our replies meet the Bot API. Options go out twice: as buttons, and as numbered lines a reporter can type.

const MAX_TEXT = 4096;
const MAX_CALLBACK_BYTES = 64;
const MAX_RETRIES = 3;
const MAX_RETRY_AFTER_S = 30;

/** Sends the replies to one chat in order, the urgent ones (emergency contacts) first. */
export async function sendReplies(telegram: Telegram, chatId: number | string, replies: OutboundMessage[]): Promise<void> {
  for (const reply of inSendingOrder(replies)) {
    const chunks = splitText(renderAsText(reply));
    for (const [i, chunk] of chunks.entries()) {
      // The keyboard rides on the last piece, under the question it answers.
      const keyboard = i === chunks.length - 1 ? keyboardFor(reply) : undefined;
      await withRetry(() => telegram.sendMessage(chatId, chunk, keyboard ? { reply_markup: keyboard } : {}));
    }
  }
}

/** The urgent ones (emergency contacts) first, the others in their order. */
export function inSendingOrder(replies: OutboundMessage[]): OutboundMessage[] {
  return [...replies.filter((r) => r.urgent), ...replies.filter((r) => !r.urgent)];
}

/** "typing…" while the engine works; a failure here never matters. */
export function showTyping(telegram: Telegram, chatId: number | string): void {
  telegram.sendChatAction(chatId, 'typing').catch(() => undefined);
}

function keyboardFor(reply: OutboundMessage): { inline_keyboard: InlineKeyboardButton[][] } | undefined {
  const options = reply.options?.filter((o) => Buffer.byteLength(o.value, 'utf8') <= MAX_CALLBACK_BYTES) ?? [];
  if (!options.length) return undefined;
  return {
    inline_keyboard: options.map((o, i) => [{ text: `${i + 1}. ${o.label}`.slice(0, 64), callback_data: o.value }]),
  };
}

function splitText(text: string): string[] {
  const body = text.length ? text : '…';
  const chunks: string[] = [];
  for (let at = 0; at < body.length; at += MAX_TEXT) chunks.push(body.slice(at, at + MAX_TEXT));
  return chunks;
}

/** Telegram's 429 says how long to wait; other errors go up to the caller. */
async function withRetry<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const retryAfter = err instanceof TelegramError && err.code === 429 ? (err.parameters?.retry_after ?? 1) : null;
      if (retryAfter === null || attempt >= MAX_RETRIES) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.min(retryAfter, MAX_RETRY_AFTER_S) * 1000));
    }
  }
}
