import type { FieldCipher } from '../crypto/field-cipher';
import type { CaseDocument } from '../db/models/case.model';

/** A case with its encrypted fields opened, for someone allowed to see it. */
export function decryptCase(kase: CaseDocument, cipher: FieldCipher) {
  const open = (v: string | null | undefined) => (v ? cipher.decrypt(v) : undefined);
  const plain = kase.toObject();
  return {
    ...plain,
    id: kase.id,
    assessment: open(plain.assessment),
    servicePlan: open(plain.servicePlan),
    closingSummary: open(plain.closingSummary),
    terminationRequest: plain.terminationRequest
      ? { ...plain.terminationRequest, closingSummary: open(plain.terminationRequest.closingSummary) }
      : undefined,
    referrals: plain.referrals.map((r) => ({ ...r, id: String(r._id), reason: open(r.reason), authNote: open(r.authorisation?.note) })),
    conferenceNotes: plain.conferenceNotes.map((n) => ({ ...n, text: open(n.text), attendees: open(n.attendees) })),
    monitoring: plain.monitoring.map((m) => ({ ...m, note: open(m.note) })),
  };
}
