import { Types } from 'mongoose';
import type { FieldCipher } from '../crypto/field-cipher';
import { ReportModel } from '../db/models/report.model';
import { triageReport } from '../triage/triage-report';
import { findPossibleDuplicates } from './find-possible-duplicates';
import { changeReportIf } from './report-transition';
import { SLA_HOURS, type Priority } from './report-vocabulary';

export class ReportNotFoundError extends Error {}

export interface TriageStoredReportDeps {
  cipher: FieldCipher;
  /** Asks for the on-call alert of a P1 report; must be idempotent (it runs again when the job is retried). */
  requestAlert: (reportId: string) => Promise<void>;
  now?: () => Date;
}

export type TriageOutcome = { outcome: 'queued' | 'already_routed'; priority: Priority; duplicates: number };

/**
 * received → triaged → queued, each step checked and exclusive (changeReportIf) so a retried or doubled job changes
 * nothing twice.
 * Safe to run any number of times on the same report.
 */
export async function triageStoredReport(reportId: string, deps: TriageStoredReportDeps): Promise<TriageOutcome> {
  const now = deps.now ?? (() => new Date());
  const _id = new Types.ObjectId(reportId);
  const report = await ReportModel.findById(_id);
  if (!report) throw new ReportNotFoundError(`report ${reportId} does not exist`);
  let outcome: TriageOutcome['outcome'] = 'already_routed';
  let duplicates = 0;

  if (report.status === 'received') {
    const result = triageReport({
      text: report.description ? deps.cipher.decrypt(report.description) : '',
      category: report.category,
      childAge: report.child?.age ?? undefined,
      immediateDanger: report.immediateDanger ?? undefined,
      ongoing: report.ongoing ?? undefined,
    });
    const at = now();
    await changeReportIf(
      _id,
      (doc) => doc.status === 'received',
      {
        $set: {
          status: 'triaged', priority: result.priority, triageReasons: result.reasons, triageVersion: result.version,
          triagedAt: at, slaDueAt: new Date(report.receivedAt.getTime() + SLA_HOURS[result.priority] * 3600_000),
        },
        $push: { events: { type: 'status', from: 'received', to: 'triaged', actor: 'system', reason: result.reasons.join('; '), at } },
      },
    );
    outcome = 'queued';
  }

  const triaged = await ReportModel.findById(_id);
  if (triaged?.status === 'triaged') {
    const others = await findPossibleDuplicates(triaged);
    duplicates = others.length;
    const at = now();
    // One write per step: the duplicate links travel with the status change.
    await changeReportIf(
      _id,
      (doc) => doc.status === 'triaged',
      {
        $set: { status: 'queued', queuedAt: at },
        $addToSet: { possibleDuplicates: { $each: others } },
        $push: { events: { type: 'status', from: 'triaged', to: 'queued', actor: 'system', at } },
      },
    );
    outcome = 'queued';
  }

  const priority = (triaged?.priority ?? 'P4') as Priority;
  // After routing, and again on every retry: the alert request is idempotent, a lost one is worse than a repeat.
  if (priority === 'P1') await deps.requestAlert(reportId);
  return { outcome, priority, duplicates };
}
