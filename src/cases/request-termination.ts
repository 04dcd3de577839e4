import { recordAuditEvent, type Actor } from '../audit/record-audit-event';
import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import { CaseModel, type CaseDocument } from '../db/models/case.model';
import { CaseError } from './case-error';
import { changeCase, changeOpenCase } from './change-case';
import { transitionCase } from './transition-case';

// Terminasi without the family's consent on record needs the Kepala Seksi's approval (docs/domain.md "A case's
// life"): the case worker asks with a closing summary, the Kepala Seksi Pelayanan approves, and only then does the
// case close, through the same transitionCase as every other stage change.

const MIN_SUMMARY = 10;

export async function requestTermination(caseId: string, closingSummary: string, actor: Actor, cipher: FieldCipher): Promise<CaseDocument> {
  if (closingSummary.trim().length < MIN_SUMMARY) throw new CaseError('invalid', 'terminasi memerlukan ringkasan penutupan (minimal 10 karakter)');
  const updated = await changeOpenCase(caseId, {
    $set: { terminationRequest: { closingSummary: cipher.encrypt(closingSummary.trim(), fieldOf(BOUND.cases, caseId, 'terminationRequest.closingSummary')), by: actor.id, at: new Date() } },
    $push: { timeline: { type: 'termination_request', summary: 'terminasi diajukan, menunggu persetujuan Kepala Seksi', actor: actor.id, at: new Date() } },
  });
  await recordAuditEvent(actor, { action: 'case.termination_request', subjectType: 'case', subjectId: caseId, details: { caseNumber: updated.caseNumber } });
  return updated;
}

/** The Kepala Seksi approves a waiting request: the case closes with the requested summary and the approval on record. */
export async function approveTermination(caseId: string, note: string, actor: Actor, cipher: FieldCipher): Promise<CaseDocument> {
  const kase = await CaseModel.findById(caseId, { terminationRequest: 1 }).lean();
  if (!kase?.terminationRequest) throw new CaseError('conflict', 'tidak ada pengajuan terminasi untuk kasus ini');
  const closingSummary = cipher.decrypt(kase.terminationRequest.closingSummary, fieldOf(BOUND.cases, caseId, 'terminationRequest.closingSummary'));
  const closed = await transitionCase(caseId, 'terminated', actor, cipher, { closingSummary, authorisation: { kind: 'supervisor_approval', note } });
  await changeCase(caseId, () => ({ $unset: { terminationRequest: 1 } }));
  return closed;
}
