import type { Types } from 'mongoose';
import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import { idForKey } from '../db/id-for-key';
import { AlertModel } from '../db/models/alert.model';
import { UserModel } from '../db/models/user.model';
import { enqueue, type Queues } from '../queue/queues';

export interface StaffMemberAlert {
  /** Makes a repeated call a no-op: the alert's `_id` is derived from it. */
  idempotencyKey: string;
  userId: string;
  subject: string;
  kind: 'case' | 'reporter_message';
  reportId?: Types.ObjectId | null;
  caseId?: Types.ObjectId | null;
  text: string;
  summary?: string;
}

/**
 * One alert to one staff member on their own Telegram chat or WhatsApp number (from their profile), through the
 * worker's delivery queues. A user without a contact gets nothing (the panel still shows what happened).
 */
export async function alertStaffMember(alert: StaffMemberAlert, deps: { cipher: FieldCipher; queues: Partial<Queues> }): Promise<'queued' | 'no_contact' | 'already'> {
  const _id = idForKey(alert.idempotencyKey);
  if (await AlertModel.exists({ _id })) return 'already';
  const user = await UserModel.findById(alert.userId, { role: 1, telegramChatId: 1, whatsappNumber: 1 }).lean();
  const channel = user?.telegramChatId ? 'telegram' : user?.whatsappNumber ? 'whatsapp' : undefined;
  if (!user || !channel) return 'no_contact';
  const profileField = channel === 'telegram' ? 'telegramChatId' : 'whatsappNumber';
  const created = await AlertModel.create({
    _id,
    idempotencyKey: alert.idempotencyKey,
    subject: alert.subject,
    kind: alert.kind,
    reportId: alert.reportId,
    caseId: alert.caseId,
    level: 0,
    recipientUserId: alert.userId,
    recipientRole: user.role,
    channel,
    // The profile's contact, sealed again for this alert (a value bound to the user does not open on the alert).
    address: deps.cipher.rebind(user[profileField]!, fieldOf(BOUND.users, user._id, profileField), fieldOf(BOUND.alerts, _id, 'address')),
    text: alert.text,
    ...(alert.summary ? { summary: alert.summary } : {}),
  }).catch((err: unknown) => {
    // Two runs raced past the exists check: the unique _id let one through.
    if ((err as { code?: number }).code === 11000) return null;
    throw err;
  });
  if (!created) return 'already';
  if (channel === 'telegram') await enqueue(deps.queues, 'outbound', { kind: 'alert', alertId: created.id });
  else await enqueue(deps.queues, 'whatsapp_alert', { alertId: created.id });
  return 'queued';
}
