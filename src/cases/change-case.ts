import { writeNextRevision, type RevisionedUpdate } from '../db/contested-write';
import { CaseModel, type Case, type CaseDocument } from '../db/models/case.model';
import { CaseError } from './case-error';

/** Lost races to try again before telling the user to reload: enough for a handful of people on one case at once. */
const ATTEMPTS = 5;

export type CaseSnapshot = Case & { _id: CaseDocument['_id'] };

/**
 * The one way a change reaches a case: read it, let `decide` check it and build the change (or throw a CaseError),
 * write the next revision (contested-write.ts). When another writer left that revision first, read again and decide
 * again: a note added while a colleague assigns staff is kept, and a change decided on a stale read is never written.
 */
export async function changeCase(caseId: string, decide: (current: CaseSnapshot) => RevisionedUpdate): Promise<CaseDocument> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await CaseModel.findById(caseId).lean().catch(() => null);
    if (!current) throw new CaseError('not_found', 'kasus tidak ditemukan');
    const written = await writeNextRevision(CaseModel, 'case', current, decide(current as CaseSnapshot));
    if (written) return written;
  }
  throw new CaseError('conflict', 'kasus sedang diubah orang lain; muat ulang');
}

/** A change to a case still open (anything but terminasi). */
export function changeOpenCase(caseId: string, update: RevisionedUpdate): Promise<CaseDocument> {
  return changeCase(caseId, (current) => {
    if (current.status === 'terminated') throw new CaseError('conflict', 'kasus tidak ditemukan atau sudah diterminasi');
    return update;
  });
}
