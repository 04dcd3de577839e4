import { BOUND, fieldOf, sealedJobField } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import type { TelegramSender } from '../alerts/send-alert';
import { ReportMessageModel } from '../db/models/report-message.model';
import { ReportModel } from '../db/models/report.model';
import { enqueue, type Queues } from '../queue/queues';

export type DeliverOutcome = { outcome: 'sent' | 'delivered' | 'waiting' | 'already_sent' | 'not_found' | 'unreachable'; channel?: string };

/**
 * What a channel's send says about a reply: the web chat answers `delivered` (shown in the reporter's open chat) or
 * `waiting` (no chat open: kept until the same chat session comes back); every other channel resolves to anything
 * else, which records `sent` (handed to Telegram or WhatsApp).
 */
export type SendResult = 'delivered' | 'waiting' | unknown;

/**
 * Sends one stored staff reply to the reporter's chat through `send`, once: a retry after a successful send finds
 * the message `sent` (or `delivered`) and does nothing.
 */
export async function deliverStaffReply(
  messageId: string,
  deps: { cipher: FieldCipher; send: (chatId: string, text: string) => Promise<SendResult> },
): Promise<DeliverOutcome> {
  const message = await ReportMessageModel.findById(messageId);
  if (!message) return { outcome: 'not_found' };
  if (message.status === 'sent' || message.status === 'delivered') return { outcome: 'already_sent' };
  const report = await ReportModel.findById(message.reportId, { channel: 1, replyAddress: 1 }).lean();
  if (!report?.replyAddress) {
    await ReportMessageModel.updateOne({ _id: message._id }, { $set: { status: 'failed' } });
    return { outcome: 'unreachable' };
  }
  const result = await deps.send(
    deps.cipher.decrypt(report.replyAddress, fieldOf(BOUND.reports, report._id, 'replyAddress')),
    deps.cipher.decrypt(message.text, fieldOf(BOUND.reportMessages, message._id, 'text')),
  );
  const status = result === 'delivered' || result === 'waiting' ? result : 'sent';
  await ReportMessageModel.updateOne({ _id: message._id }, { $set: { status } });
  return { outcome: status, channel: report.channel };
}

export function deliverStaffReplyByTelegram(messageId: string, deps: { cipher: FieldCipher; telegram: TelegramSender }): Promise<DeliverOutcome> {
  return deliverStaffReply(messageId, { cipher: deps.cipher, send: (chatId, text) => deps.telegram.sendMessage(chatId, text) });
}

export async function markStaffReplyFailed(messageId: string): Promise<void> {
  // `_id`-only filters throughout: FerretDB reads every document for any other filter.
  const message = await ReportMessageModel.findById(messageId, { status: 1 }).lean();
  if (message && message.status !== 'sent' && message.status !== 'delivered') await ReportMessageModel.updateOne({ _id: messageId }, { $set: { status: 'failed' } });
}

/**
 * A reply to a WhatsApp reporter goes to the bots process, which owns the WhatsApp session: the chat id and text
 * travel sealed with the field cipher, and the message's own id keeps a repeated hand-over from sending twice.
 */
export function handOverStaffReplyToWhatsapp(
  messageId: string,
  deps: { cipher: FieldCipher; queues: Partial<Queues> },
): Promise<DeliverOutcome> {
  return deliverStaffReply(messageId, {
    cipher: deps.cipher,
    send: (chatId, text) => enqueue(deps.queues, 'whatsapp_send', {
      messageId: `reply-${messageId}`, sealed: deps.cipher.encrypt(JSON.stringify({ chatId, text }), sealedJobField(`reply-${messageId}`)),
    }),
  });
}
