import { changeRecord, type RevisionedUpdate } from '../db/contested-write';
import { CaseModel, type Case, type CaseDocument } from '../db/models/case.model';
import { CaseError } from './case-error';

export type CaseSnapshot = Case & { _id: CaseDocument['_id'] };

/**
 * The one way a change reaches a case: read it, let `decide` check it and build the change (or throw a CaseError),
 * write the next revision (contested-write.ts). When another writer left that revision first, read again and decide
 * again: a note added while a colleague assigns staff is kept, and a change decided on a stale read is never written.
 */
export async function changeCase(caseId: string, decide: (current: CaseSnapshot) => RevisionedUpdate): Promise<CaseDocument> {
  const outcome = await changeRecord(CaseModel, 'case', caseId, (current) => decide(current as CaseSnapshot));
  if (outcome === 'missing') throw new CaseError('not_found', 'kasus tidak ditemukan');
  if (outcome === 'contested') throw new CaseError('conflict', 'kasus sedang diubah orang lain; muat ulang');
  return outcome as unknown as CaseDocument; // changeRecord's generic document type is this document
}

/** A change to a case still open (anything but terminasi). */
export function changeOpenCase(caseId: string, update: RevisionedUpdate): Promise<CaseDocument> {
  return changeCase(caseId, (current) => {
    if (current.status === 'terminated') throw new CaseError('conflict', 'kasus tidak ditemukan atau sudah diterminasi');
    return update;
  });
}
