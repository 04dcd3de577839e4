import type { FieldCipher } from '../crypto/field-cipher';
import { AlertModel } from '../db/models/alert.model';

/** The one thing this module needs from a Telegram client (telegraf's `Telegram` has it). */
export interface TelegramSender {
  sendMessage(chatId: string, text: string, extra?: { link_preview_options?: { is_disabled: boolean } }): Promise<unknown>;
}

export type SendOutcome = { outcome: 'sent' | 'already_sent' | 'not_found' };

/**
 * Sends a stored alert once. A retry after a successful send finds `sentAt` and does nothing; the one window left
 * (crash between the send and the write) repeats a message rather than lose it.
 */
export async function sendAlertByTelegram(alertId: string, deps: { cipher: FieldCipher; telegram: TelegramSender }): Promise<SendOutcome> {
  const alert = await AlertModel.findById(alertId);
  if (!alert) return { outcome: 'not_found' };
  if (alert.sentAt) return { outcome: 'already_sent' };
  if (alert.channel !== 'telegram' || !alert.address) throw new Error(`alert ${alertId} has no Telegram recipient`);
  await deps.telegram.sendMessage(deps.cipher.decrypt(alert.address), alert.text, { link_preview_options: { is_disabled: true } });
  await AlertModel.updateOne({ _id: alert._id, sentAt: null }, { $set: { sentAt: new Date(), status: 'sent' } });
  return { outcome: 'sent' };
}
