import { Types } from 'mongoose';
import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import { ReportModel } from '../db/models/report.model';
import { writeNextRevision } from '../db/contested-write';
import { triageReport } from '../triage/triage-report';
import { findPossibleDuplicates, type DuplicateIndex } from './find-possible-duplicates';
import { SLA_HOURS, type Priority } from './report-vocabulary';

export class ReportNotFoundError extends Error {}

/** Said in no personal words: manual-triage.ts turns it into the reason a receptionist reads. */
export const UNREADABLE_MESSAGE = 'the report description cannot be decrypted with the configured data keys';
export class ReportUnreadableError extends Error {
  constructor() {
    super(UNREADABLE_MESSAGE);
  }
}

export interface TriageStoredReportDeps {
  cipher: FieldCipher;
  /** Asks for the on-call alert of a P1 report; must be idempotent (it runs again when the job is retried). */
  requestAlert: (reportId: string) => Promise<void>;
  duplicates: DuplicateIndex;
  now?: () => Date;
}

/** The fields triage reads: the triage inputs, the duplicate index keys, and the revision it writes over. */
const TRIAGE_READS = {
  status: 1, revision: 1, description: 1, category: 1, 'child.age': 1, 'child.ageBand': 1, immediateDanger: 1, ongoing: 1,
  receivedAt: 1, reporterHash: 1, 'location.kecamatan': 1,
} as const;

export type TriageOutcome = { outcome: 'queued' | 'already_routed'; priority: Priority; duplicates: number };

/**
 * received → triaged → queued in one exclusive write (writeNextRevision), both steps recorded as events: a retried or
 * doubled job changes nothing twice, and the report reaches the queue after one read and one write (on FerretDB
 * every extra round trip showed in the confirm→queued time under load).
 * Safe to run any number of times on the same report.
 */
export async function triageStoredReport(reportId: string, deps: TriageStoredReportDeps): Promise<TriageOutcome> {
  const now = deps.now ?? (() => new Date());
  const _id = new Types.ObjectId(reportId);
  // Only what triage reads, as plain data: not the timeline, and no document to build (measured on the pipeline bench).
  const report = await ReportModel.findById(_id, TRIAGE_READS).lean();
  if (!report) throw new ReportNotFoundError(`report ${reportId} does not exist`);
  let routed: { priority?: string | null } = report;
  let duplicates = 0;

  // `triaged` alone is left only by versions that wrote the two steps apart: finish its routing the same way.
  if (report.status === 'received' || report.status === 'triaged') {
    const result = triageReport({
      text: report.description ? readDescription(report.description, _id, deps.cipher) : '',
      category: report.category,
      childAge: report.child?.age ?? undefined,
      immediateDanger: report.immediateDanger ?? undefined,
      ongoing: report.ongoing ?? undefined,
    });
    const others = await findPossibleDuplicates(report, deps.duplicates);
    duplicates = others.length;
    const at = now();
    // The report just read is the revision this write leaves (writeNextRevision: exclusive, guarded by revision).
    const written = await writeNextRevision(ReportModel, 'report', report, {
      $set: {
        status: 'queued', priority: result.priority, triageReasons: result.reasons, triageVersion: result.version,
        triagedAt: at, queuedAt: at, slaDueAt: new Date(report.receivedAt.getTime() + SLA_HOURS[result.priority] * 3600_000),
      },
      $addToSet: { possibleDuplicates: { $each: others } },
      $push: {
        events: {
          $each: [
            ...(report.status === 'received'
              ? [{ type: 'status', from: 'received', to: 'triaged', actor: 'system', reason: result.reasons.join('; '), at }]
              : []),
            { type: 'status', from: 'triaged', to: 'queued', actor: 'system', at },
          ],
        },
      },
    });
    // Null: another run of this job wrote first; what it wrote is the outcome.
    routed = written ?? (await ReportModel.findById(_id, { priority: 1 }).lean()) ?? report;
  }

  const outcome: TriageOutcome['outcome'] = routed === report ? 'already_routed' : 'queued';
  const priority = (routed.priority ?? 'P4') as Priority;
  // After routing, and again on every retry: the alert request is idempotent, a lost one is worse than a repeat.
  if (priority === 'P1') await deps.requestAlert(reportId);
  return { outcome, priority, duplicates };
}

function readDescription(stored: string, reportId: Types.ObjectId, cipher: FieldCipher): string {
  try {
    return cipher.decrypt(stored, fieldOf(BOUND.reports, reportId, 'description'));
  } catch {
    // Written under a key this process lacks, damaged, or copied from another record: retries will not help, a person must look.
    throw new ReportUnreadableError();
  }
}
