import type { FieldCipher } from '../crypto/field-cipher';
import { AlertModel, type AlertDocument } from '../db/models/alert.model';
import type { PendingAlerts } from './pending-alerts';

/** The one thing this module needs from a Telegram client (telegraf's `Telegram` has it). */
export interface TelegramSender {
  sendMessage(chatId: string, text: string, extra?: { link_preview_options?: { is_disabled: boolean } }): Promise<unknown>;
}

/** A Telegram sender that keeps Telegram's pace of one message a second in a chat (worker/chat-pacer.ts). */
export interface PacedTelegramSender extends TelegramSender {
  /** Takes this chat's next second, or throws (the caller comes back when it is free). */
  reserveChat(chatId: string): Promise<void>;
  /** Sends in a second already taken with reserveChat. */
  sendReserved: TelegramSender['sendMessage'];
}

export type SendOutcome = { outcome: 'sent' | 'already_sent' | 'not_found'; together?: number };

/**
 * Sends a stored alert once over its own channel. A retry after a successful send finds `sentAt` and does nothing;
 * the one window left (crash between the send and the write) repeats a message rather than lose it.
 */
export async function deliverAlert(
  alertId: string,
  channel: 'telegram' | 'whatsapp',
  deps: { cipher: FieldCipher; send: (address: string, text: string) => Promise<unknown> },
): Promise<SendOutcome> {
  const alert = await AlertModel.findById(alertId);
  if (!alert) return { outcome: 'not_found' };
  if (alert.sentAt) return { outcome: 'already_sent' };
  if (alert.channel !== channel || !alert.address) throw new Error(`alert ${alertId} has no ${channel} recipient`);
  await deps.send(deps.cipher.decrypt(alert.address), alert.text);
  await markSent([alert]);
  return { outcome: 'sent' };
}

/** Telegram's limit is 4,096 characters a message; what does not fit leaves in the next one. */
const MAX_MESSAGE_CHARS = 4000;
const SEPARATOR = '\n\n――――――\n\n';

export interface TelegramAlertDeps {
  cipher: FieldCipher;
  telegram: PacedTelegramSender;
  pending: PendingAlerts;
  /** The lookup hasher: the waiting list is keyed by the chat's keyed hash. */
  hasher: (value: string) => string;
}

/**
 * Sends a stored alert by Telegram together with every other alert waiting for the same person (PendingAlerts): the
 * alert joins the person's waiting list, and whichever job gets the chat's next second takes the whole list and
 * sends it as one message (the list is taken only after the second is had, so one message per second carries
 * everything that waited). Safe to repeat like deliverAlert; when the send fails every alert taken goes back to wait
 * and the error is thrown, as it is when the chat's second is taken (the job comes back then).
 */
export async function sendAlertByTelegram(alertId: string, deps: TelegramAlertDeps): Promise<SendOutcome> {
  const alert = await AlertModel.findById(alertId);
  if (!alert) return { outcome: 'not_found' };
  if (alert.sentAt) return { outcome: 'already_sent' };
  if (alert.channel !== 'telegram' || !alert.address) throw new Error(`alert ${alertId} has no telegram recipient`);
  const chatId = deps.cipher.decrypt(alert.address);
  const recipient = deps.hasher(`telegram:${chatId}`);
  await deps.pending.putBack(recipient, [asPending(alert)]);
  await deps.telegram.reserveChat(chatId);

  // This alert is sent now even if an earlier holder of the chat took it and died before sending.
  const taken = (await deps.pending.takeAll(recipient)).filter((id) => id !== alertId);
  const others = (await Promise.all(taken.map((id) => AlertModel.findById(id)))).filter((a): a is AlertDocument => Boolean(a && !a.sentAt));
  const waiting = [alert, ...others];
  try {
    const together = fitInOneMessage(waiting);
    await deps.pending.putBack(recipient, waiting.slice(together.length).map(asPending));
    await deps.telegram.sendReserved(chatId, messageOf(together), { link_preview_options: { is_disabled: true } });
    await markSent(together);
    return { outcome: 'sent', together: together.length };
  } catch (err) {
    await deps.pending.putBack(recipient, waiting.map(asPending)).catch(() => undefined);
    throw err;
  }
}

function fitInOneMessage(alerts: AlertDocument[]): AlertDocument[] {
  const fitting: AlertDocument[] = [];
  let length = 0;
  for (const a of alerts) {
    length += a.text.length + SEPARATOR.length;
    if (fitting.length && length > MAX_MESSAGE_CHARS) break;
    fitting.push(a);
  }
  return fitting;
}

function messageOf(alerts: AlertDocument[]): string {
  if (alerts.length === 1) return alerts[0]!.text;
  return [`LAPOR ANAK: ${alerts.length} peringatan sekaligus`, ...alerts.map((a) => a.text)].join(SEPARATOR);
}

const asPending = (a: AlertDocument) => ({ id: a.id as string, at: a.createdAt ?? new Date() });

async function markSent(alerts: AlertDocument[]): Promise<void> {
  const at = new Date();
  await Promise.all(alerts.map((a) => AlertModel.updateOne({ _id: a._id }, { $set: { sentAt: at, status: 'sent' } })));
}
