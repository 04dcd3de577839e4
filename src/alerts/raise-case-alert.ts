import type { FieldCipher } from '../crypto/field-cipher';
import { CaseModel } from '../db/models/case.model';
import { labelOf } from '../labels/labels';
import type { Queues } from '../queue/queues';
import { alertStaffMember } from './alert-staff-member';

export type CaseEvent =
  | { kind: 'assigned' }
  | { kind: 'referral_answered'; partnerName: string; status: string }
  | { kind: 'monitoring_due'; dueDate: string };

const WHAT: Record<CaseEvent['kind'], (e: CaseEvent) => string> = {
  assigned: () => 'Kasus ini ditugaskan kepada Anda.',
  referral_answered: (e) => e.kind === 'referral_answered' ? `Rujukan ke ${e.partnerName}: ${labelOf('id', 'referral_status', e.status)}.` : '',
  monitoring_due: (e) => e.kind === 'monitoring_due' ? `Pemantauan berikutnya jatuh tempo ${e.dueDate}.` : '',
};

/**
 * Tells a staff member about their case on their own Telegram chat or WhatsApp number (alertStaffMember). The text
 * carries the case number and what happened, never personal data. `eventKey` makes a repeated call a no-op.
 */
export async function raiseCaseAlert(
  caseId: string,
  userId: string,
  event: CaseEvent,
  eventKey: string,
  deps: { cipher: FieldCipher; queues: Partial<Queues>; adminBaseUrl: string },
): Promise<'queued' | 'no_contact' | 'already'> {
  const kase = await CaseModel.findById(caseId, { caseNumber: 1 }).lean();
  if (!kase) return 'no_contact';
  return alertStaffMember({
    idempotencyKey: `case-${caseId}-${eventKey}-${userId}`,
    userId,
    subject: `case-${caseId}`,
    kind: 'case',
    caseId: kase._id,
    text: [`Kasus ${kase.caseNumber}`, WHAT[event.kind](event), `Buka: ${deps.adminBaseUrl}/cases/${caseId}`].join('\n'),
  }, deps);
}
