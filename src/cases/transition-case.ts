import { recordAuditEvent, type Actor } from '../audit/record-audit-event';
import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import { CaseModel, type CaseDocument } from '../db/models/case.model';
import { writeNextRevision } from '../db/contested-write';
import { labelOf } from '../labels/labels';
import { CaseError } from './case-error';
import { NEXT_STATUS, type CaseStatus } from './case-vocabulary';
import { checkAuthorisation, type Authorisation } from './case-work';

export interface TerminationInput {
  closingSummary: string;
  authorisation: Authorisation;
}

/**
 * Moves a case one stage on (assessment → planning → in_service → monitoring → terminated), or to terminasi early.
 * Guarded on the current status so two people cannot skip a stage; terminasi needs a closing summary and the
 * reporter's/guardian's consent or a Kepala Seksi's approval.
 */
export async function transitionCase(
  caseId: string,
  to: CaseStatus,
  actor: Actor,
  cipher: FieldCipher,
  termination?: TerminationInput,
): Promise<CaseDocument> {
  const current = await CaseModel.findById(caseId, { status: 1, revision: 1 }).lean();
  if (!current) throw new CaseError('not_found', 'kasus tidak ditemukan');
  const from = current.status as CaseStatus;
  const forward = NEXT_STATUS[from] === to;
  const early = to === 'terminated' && from !== 'terminated';
  if (!forward && !early) throw new CaseError('conflict', `tidak bisa dari tahap ${labelOf('id', 'stage', from)} ke ${labelOf('id', 'stage', to)}`);

  const set: Record<string, unknown> = { status: to };
  if (to === 'terminated') {
    if (!termination || termination.closingSummary.trim().length < 10) {
      throw new CaseError('invalid', 'terminasi memerlukan ringkasan penutupan (minimal 10 karakter)');
    }
    set.termination = checkAuthorisation(actor, termination.authorisation, cipher, fieldOf(BOUND.cases, caseId, 'termination.note'));
    set.closingSummary = cipher.encrypt(termination.closingSummary, fieldOf(BOUND.cases, caseId, 'closingSummary'));
    set.terminatedAt = new Date();
  }
  // One writer leaves the revision just read (contested-write.ts): a double submit or two people advancing the case
  // at once move it only once; the loser reloads and sees the new stage.
  const updated = await writeNextRevision(CaseModel, 'case', current, {
    $set: set,
    $push: { timeline: { type: 'status', summary: `tahap: ${labelOf('id', 'stage', from)} → ${labelOf('id', 'stage', to)}`, actor: actor.id, at: new Date() } },
  });
  if (!updated) throw new CaseError('conflict', 'status kasus baru saja diubah orang lain; muat ulang');
  await recordAuditEvent(actor, {
    action: 'case.transition',
    subjectType: 'case',
    subjectId: caseId,
    reason: to === 'terminated' ? termination!.authorisation.kind : undefined,
    details: { caseNumber: updated.caseNumber, from, to },
  });
  return updated;
}
