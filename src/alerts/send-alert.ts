import type { FieldCipher } from '../crypto/field-cipher';
import { AlertModel } from '../db/models/alert.model';

/** The one thing this module needs from a Telegram client (telegraf's `Telegram` has it). */
export interface TelegramSender {
  sendMessage(chatId: string, text: string, extra?: { link_preview_options?: { is_disabled: boolean } }): Promise<unknown>;
}

export type SendOutcome = { outcome: 'sent' | 'already_sent' | 'not_found' };

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
  await AlertModel.updateOne({ _id: alert._id }, { $set: { sentAt: new Date(), status: 'sent' } });
  return { outcome: 'sent' };
}

export function sendAlertByTelegram(alertId: string, deps: { cipher: FieldCipher; telegram: TelegramSender }): Promise<SendOutcome> {
  return deliverAlert(alertId, 'telegram', {
    cipher: deps.cipher,
    send: (chatId, text) => deps.telegram.sendMessage(chatId, text, { link_preview_options: { is_disabled: true } }),
  });
}
