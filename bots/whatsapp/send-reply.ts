import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { sealedJobField } from '../../src/crypto/encrypted-fields';
import type { FieldCipher } from '../../src/crypto/field-cipher';
import { renderAsText, type OutboundMessage } from '../../src/intake/messages';
import { enqueue, type Queues } from '../../src/queue/queues';
import { runScript } from '../../src/redis';

export interface WhatsappOutbox {
  queues: Partial<Queues>;
  redis: Redis;
  cipher: FieldCipher;
  hasher: (value: string) => string;
  prefix: string;
  /** config.whatsapp.sendPerChatPerMinute */
  perChatPerMinute: number;
  /** The clock in ms; tests pass their own. */
  now?: () => number;
}

/**
 * Queues the replies of one turn for a chat: urgent ones (emergency contacts) first and on their own, the rest as
 * one message with numbered options. Each message gets the chat's next free send slot, so messages to one chat
 * keep their order and their pace while the worker's limiter keeps the pace over all chats.
 */
export async function queueReplies(outbox: WhatsappOutbox, chatId: string, replies: OutboundMessage[]): Promise<void> {
  const urgent = replies.filter((r) => r.urgent).map(renderAsText);
  const rest = replies.filter((r) => !r.urgent).map(renderAsText);
  const texts = [...urgent, ...(rest.length ? [rest.join('\n\n')] : [])];
  for (const text of texts) {
    const delay = await nextSlotDelay(outbox, chatId);
    const messageId = randomUUID();
    const sealed = outbox.cipher.encrypt(JSON.stringify({ chatId, text }), sealedJobField(messageId));
    await enqueue(outbox.queues, 'whatsapp_send', { messageId, sealed }, { delay });
  }
}

// KEYS[1] the chat's next-slot key. ARGV: now ms, spacing ms. Returns the delay in ms for this message.
const NEXT_SLOT = `
local slot = tonumber(redis.call('GET', KEYS[1]) or '0')
local now = tonumber(ARGV[1])
if slot < now then slot = now end
redis.call('SET', KEYS[1], slot + tonumber(ARGV[2]), 'PX', tonumber(ARGV[2]) * 2 + 60000)
return slot - now`;

async function nextSlotDelay(outbox: WhatsappOutbox, chatId: string): Promise<number> {
  const spacingMs = Math.ceil(60_000 / outbox.perChatPerMinute);
  const key = `${outbox.prefix}:whatsapp:slot:${outbox.hasher(`whatsapp:${chatId}`)}`;
  return Number(await runScript(outbox.redis, NEXT_SLOT, [key], [(outbox.now ?? Date.now)(), spacingMs]));
}
