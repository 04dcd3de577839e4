import type { FieldCipher } from '../crypto/field-cipher';
import { idForKey } from '../db/id-for-key';
import { AlertModel } from '../db/models/alert.model';
import { CaseModel } from '../db/models/case.model';
import { UserModel } from '../db/models/user.model';
import { enqueue, type Queues } from '../queue/queues';

export type CaseEvent =
  | { kind: 'assigned' }
  | { kind: 'referral_answered'; partnerName: string; status: string }
  | { kind: 'monitoring_due'; dueDate: string };

const WHAT: Record<CaseEvent['kind'], (e: CaseEvent) => string> = {
  assigned: () => 'Kasus ini ditugaskan kepada Anda.',
  referral_answered: (e) => e.kind === 'referral_answered' ? `Rujukan ke ${e.partnerName}: ${e.status}.` : '',
  monitoring_due: (e) => e.kind === 'monitoring_due' ? `Pemantauan berikutnya jatuh tempo ${e.dueDate}.` : '',
};

/**
 * Tells a staff member about their case on their own Telegram chat or WhatsApp number (from their profile), through
 * the worker's delivery queues. The text carries the case number and what happened, never personal data. A user
 * without a contact gets nothing (the panel still shows it). `eventKey` makes a repeated call a no-op.
 */
export async function raiseCaseAlert(
  caseId: string,
  userId: string,
  event: CaseEvent,
  eventKey: string,
  deps: { cipher: FieldCipher; queues: Partial<Queues>; adminBaseUrl: string },
): Promise<'queued' | 'no_contact' | 'already'> {
  const idempotencyKey = `case-${caseId}-${eventKey}-${userId}`;
  if (await AlertModel.exists({ _id: idForKey(idempotencyKey) })) return 'already';
  const [kase, user] = await Promise.all([
    CaseModel.findById(caseId, { caseNumber: 1 }).lean(),
    UserModel.findById(userId, { role: 1, telegramChatId: 1, whatsappNumber: 1 }).lean(),
  ]);
  if (!kase || !user) return 'no_contact';
  const channel = user.telegramChatId ? 'telegram' : user.whatsappNumber ? 'whatsapp' : undefined;
  if (!channel) return 'no_contact';
  const alert = await AlertModel.create({
    _id: idForKey(idempotencyKey),
    idempotencyKey,
    subject: `case-${caseId}`,
    kind: 'case',
    caseId: kase._id,
    level: 0,
    recipientUserId: userId,
    recipientRole: user.role,
    channel,
    // Stored as the profile keeps it: already encrypted.
    address: channel === 'telegram' ? user.telegramChatId : user.whatsappNumber,
    text: [`Kasus ${kase.caseNumber}`, WHAT[event.kind](event), `Buka: ${deps.adminBaseUrl}/cases/${caseId}`].join('\n'),
  }).catch((err: unknown) => {
    // Two runs raced past the exists check (a scheduled watch and a manual one): the unique _id let one through.
    if ((err as { code?: number }).code === 11000) return null;
    throw err;
  });
  if (!alert) return 'already';
  if (channel === 'telegram') await enqueue(deps.queues, 'outbound', { kind: 'alert', alertId: alert.id });
  else await enqueue(deps.queues, 'whatsapp_alert', { alertId: alert.id });
  return 'queued';
}
