import type { FieldCipher } from '../crypto/field-cipher';
import { AlertModel } from '../db/models/alert.model';
import type { SendOutcome } from './send-alert';

/**
 * Sends a stored WhatsApp alert once, through `send` (the bots process's WhatsApp session), like
 * sendAlertByTelegram: a retry after a successful send finds `sentAt` and does nothing.
 */
export async function sendAlertByWhatsapp(
  alertId: string,
  deps: { cipher: FieldCipher; send: (phoneNumber: string, text: string) => Promise<unknown> },
): Promise<SendOutcome> {
  const alert = await AlertModel.findById(alertId);
  if (!alert) return { outcome: 'not_found' };
  if (alert.sentAt) return { outcome: 'already_sent' };
  if (alert.channel !== 'whatsapp' || !alert.address) throw new Error(`alert ${alertId} has no WhatsApp recipient`);
  await deps.send(deps.cipher.decrypt(alert.address), alert.text);
  await AlertModel.updateOne({ _id: alert._id, sentAt: null }, { $set: { sentAt: new Date(), status: 'sent' } });
  return { outcome: 'sent' };
}
