import { Types } from 'mongoose';
import { recordAuditEvent, type Actor } from '../audit/record-audit-event';
import { writeNextRevision } from '../db/contested-write';
import { CaseModel } from '../db/models/case.model';
import { nextInSequence } from '../db/models/counter.model';
import { ReportModel } from '../db/models/report.model';
import { statusesAllowing } from '../reports/report-lifecycle';
import { transitionReport } from '../reports/report-transition';
import { CaseError } from './case-error';
import { changeCase } from './change-case';

/** "KSS-2026-0007": per-year sequence, readable on the phone. */
export async function nextCaseNumber(now = new Date()): Promise<string> {
  const year = now.getUTCFullYear();
  const seq = await nextInSequence(`case-${year}`);
  return `KSS-${year}-${String(seq).padStart(4, '0')}`;
}

/**
 * A claimed report becomes a Case. The report moves first (status-guarded, so two clicks cannot open two cases);
 * if writing the case then fails, the report goes back to `claimed` (no transactions on FerretDB).
 */
export async function openCase(reportId: string, actor: Actor): Promise<{ caseId: string; caseNumber: string }> {
  const caseId = new Types.ObjectId();
  const report = await transitionReport({
    reportId,
    from: statusesAllowing('open_case'),
    to: 'case_opened',
    actor,
    guard: { claimedBy: actor.id },
    set: { caseId },
  });
  // Two clicks at once cannot both get here: transitionReport lets one writer leave each revision.
  if (!report) throw new CaseError('conflict', 'laporan harus sedang Anda pegang (Ambil dulu) untuk membuka kasus');
  try {
    const caseNumber = await nextCaseNumber();
    await CaseModel.create({
      _id: caseId,
      caseNumber,
      reportIds: [report._id],
      category: report.category,
      priority: report.priority,
      openedBy: actor.id,
      timeline: [{ type: 'opened', summary: `dibuka dari ${report.ticket}`, actor: actor.id }],
    });
    await recordAuditEvent(actor, { action: 'case.open', subjectType: 'case', subjectId: String(caseId), details: { caseNumber, ticket: report.ticket } });
    return { caseId: String(caseId), caseNumber };
  } catch (err) {
    // The revision the report move wrote: if anyone changed the report since, theirs stands and this does nothing.
    await writeNextRevision(ReportModel, 'report', report, { $set: { status: 'claimed' }, $unset: { caseId: 1 } });
    throw err;
  }
}

/** A report about a child who already has a case joins that case instead of opening another. */
export async function attachReportToCase(reportId: string, caseNumber: string, actor: Actor): Promise<{ caseId: string; caseNumber: string }> {
  const target = await CaseModel.findOne({ caseNumber }, { _id: 1, status: 1 }).lean();
  if (!target) throw new CaseError('not_found', `kasus ${caseNumber} tidak ditemukan`);
  if (target.status === 'terminated') throw new CaseError('conflict', `kasus ${caseNumber} sudah diterminasi`);
  const report = await transitionReport({
    reportId,
    from: statusesAllowing('attach_case'),
    to: 'case_opened',
    actor,
    reason: `dilampirkan ke ${caseNumber}`,
    guard: { claimedBy: actor.id },
    set: { caseId: target._id },
  });
  if (!report) throw new CaseError('conflict', 'laporan harus sedang Anda pegang (Ambil dulu)');
  await changeCase(String(target._id), () => ({
    $addToSet: { reportIds: report._id },
    $push: { timeline: { type: 'report_attached', summary: `laporan ${report.ticket} dilampirkan`, actor: actor.id, at: new Date() } },
  }));
  return { caseId: String(target._id), caseNumber };
}
