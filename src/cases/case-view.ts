import { BOUND, elementField, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import type { CaseDocument } from '../db/models/case.model';

/** A case with its encrypted fields opened, for someone allowed to see it. */
export function decryptCase(kase: CaseDocument, cipher: FieldCipher) {
  const open = (v: string | null | undefined, path: string) => (v ? cipher.decrypt(v, fieldOf(BOUND.cases, kase._id, path)) : undefined);
  const inElement = (array: string, id: unknown) => (v: string | null | undefined, path: string) => open(v, elementField(array, id, path));
  const plain = kase.toObject();
  return {
    ...plain,
    id: kase.id,
    assessment: open(plain.assessment, 'assessment'),
    servicePlan: open(plain.servicePlan, 'servicePlan'),
    closingSummary: open(plain.closingSummary, 'closingSummary'),
    terminationRequest: plain.terminationRequest
      ? { ...plain.terminationRequest, closingSummary: open(plain.terminationRequest.closingSummary, 'terminationRequest.closingSummary') }
      : undefined,
    referrals: plain.referrals.map((r) => {
      const at = inElement('referrals', r._id);
      return { ...r, id: String(r._id), reason: at(r.reason, 'reason'), authNote: at(r.authorisation?.note, 'authorisation.note') };
    }),
    conferenceNotes: plain.conferenceNotes.map((n) => {
      const at = inElement('conferenceNotes', n._id);
      return { ...n, text: at(n.text, 'text'), attendees: at(n.attendees, 'attendees') };
    }),
    monitoring: plain.monitoring.map((m) => ({ ...m, note: inElement('monitoring', m._id)(m.note, 'note') })),
  };
}
