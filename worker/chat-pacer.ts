import type { Redis } from 'ioredis';
import type { PacedTelegramSender, TelegramSender } from '../src/alerts/send-alert';
import { ComeBackLater } from '../src/runtime/come-back-later';
import { runScript } from '../src/redis';

/** The chat is still within its pause: the job should come back after `waitMs` (start-workers delays it). */
export class ChatBusyError extends ComeBackLater {
  constructor(waitMs: number) {
    super(waitMs, `chat busy for ${waitMs} ms`);
  }
}

// Reserves the chat's next send slot atomically; answers 0 (send now) or the ms to wait. Redis TIME, so every
// worker process on every host agrees on the clock.
const RESERVE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if nextAt > now then return nextAt - now end
redis.call('SET', KEYS[1], now + tonumber(ARGV[1]), 'PX', tonumber(ARGV[1]) + 1000)
return 0`;

/**
 * Telegram allows about one message per second in one chat, and the queue-wide limiter cannot see chats: this sender
 * keeps a "next send at" per chat in Redis, keyed by the chat's keyed hash (never the chat id), and refuses to send
 * early. Shared by all worker processes. `reserveChat` + `sendReserved` split the two for senders that decide what
 * to send only once the second is theirs (alerts to one person leave together).
 */
export function pacePerChat(
  telegram: TelegramSender,
  opts: { redis: Redis; prefix: string; hasher: (value: string) => string; perChatMs: number },
): PacedTelegramSender {
  const reserveChat = async (chatId: string) => {
    const key = `${opts.prefix}:telegram:chat-next:${opts.hasher(`telegram:${chatId}`)}`;
    const waitMs = Number(await runScript(opts.redis, RESERVE_SCRIPT, [key], [opts.perChatMs]));
    if (waitMs > 0) throw new ChatBusyError(waitMs);
  };
  return {
    reserveChat,
    sendReserved: (chatId, text, extra) => telegram.sendMessage(chatId, text, extra),
    async sendMessage(chatId, text, extra) {
      await reserveChat(chatId);
      return telegram.sendMessage(chatId, text, extra);
    },
  };
}
