import { CaseModel } from '../db/models/case.model';

/** "Kasus saya": the cases a user manages or assesses; `all` for supervisors. Open ones first, newest first. */
export async function listCases(opts: { userId?: string; all: boolean; includeClosed?: boolean }) {
  const query: Record<string, unknown> = opts.includeClosed ? {} : { status: { $ne: 'terminated' } };
  if (!opts.all) query.$or = [{ caseManagerId: opts.userId }, { assessorId: opts.userId }];
  return CaseModel.find(query, { caseNumber: 1, status: 1, category: 1, priority: 1, caseManagerId: 1, assessorId: 1, openedAt: 1 })
    .sort({ openedAt: -1 })
    .limit(500)
    .lean();
}

/** Who works a case: what decides whether a case worker may read its reports. */
export function findCaseStaff(caseId: unknown) {
  return CaseModel.findById(caseId, { caseManagerId: 1, assessorId: 1 }).lean();
}
