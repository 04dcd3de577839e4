import { Types } from 'mongoose';
import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import { ReportModel, type Report } from '../db/models/report.model';
import { changeRecord, type RevisionedUpdate } from '../db/contested-write';
import { triageReport } from '../triage/triage-report';
import { findPossibleDuplicates, type DuplicateIndex } from './find-possible-duplicates';
import { SLA_HOURS, type Priority } from './report-vocabulary';

export class ReportNotFoundError extends Error {}
/** Another writer kept winning the report's revision (or holds its slot, having died: reclaimed after 30 s). */
export class ReportContestedError extends Error {}

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

/** The fields triage reads: the triage inputs, the duplicate index keys, the status and revision it writes over. */
const TRIAGE_READS = {
  status: 1, revision: 1, priority: 1, description: 1, category: 1, 'child.age': 1, 'child.ageBand': 1,
  immediateDanger: 1, ongoing: 1, receivedAt: 1, reporterHash: 1, 'location.kecamatan': 1,
} as const;

export type TriageOutcome = { outcome: 'queued' | 'already_routed'; priority: Priority; duplicates: number };

type StoredForTriage = Report & { _id: Types.ObjectId };

/** Another writer routed the report first (a repeated job, the sweeper, manual triage): nothing left to write. */
class AlreadyRouted extends Error {
  constructor(readonly priority: string | null | undefined) {
    super('already routed');
  }
}

/**
 * received → triaged → queued in one exclusive write (changeRecord: read, decide, write the next revision), both steps
 * recorded as events: a retried or doubled job changes nothing twice. When another writer leaves the revision first
 * (a reporter's message after filing, a staff member's view, both appending to the timeline), the report is read and
 * decided again rather than left `received` until the sweeper. The first attempt decides on the read that found the
 * report, so an uncontested report reaches the queue after one read and one write (on FerretDB every extra round trip
 * showed in the confirm→queued time under load). Safe to run any number of times on the same report.
 */
export async function triageStoredReport(reportId: string, deps: TriageStoredReportDeps): Promise<TriageOutcome> {
  const _id = new Types.ObjectId(reportId);
  // Only what triage reads, as plain data: not the timeline, and no document to build (measured on the pipeline bench).
  const report = (await ReportModel.findById(_id, TRIAGE_READS).lean()) as StoredForTriage | null;
  if (!report) throw new ReportNotFoundError(`report ${reportId} does not exist`);
  const result = unrouted(report)
    ? await route(report, deps)
    : { outcome: 'already_routed' as const, priority: priorityOf(report.priority), duplicates: 0 };
  // After routing, and again on every retry: the alert request is idempotent, a lost one is worse than a repeat.
  if (result.priority === 'P1') await deps.requestAlert(reportId);
  return result;
}

async function route(report: StoredForTriage, deps: TriageStoredReportDeps): Promise<TriageOutcome> {
  const now = deps.now ?? (() => new Date());
  // Keyed on what a report keeps from intake on: looked up once, it holds for every attempt below.
  const others = await findPossibleDuplicates(report, deps.duplicates);
  let written;
  try {
    written = await changeRecord(ReportModel, 'report', report._id, (current) => {
      if (!unrouted(current)) throw new AlreadyRouted(current.priority);
      return routing(current as StoredForTriage, others, now(), deps.cipher);
    }, { first: report, projection: TRIAGE_READS });
  } catch (err) {
    if (!(err instanceof AlreadyRouted)) throw err;
    return { outcome: 'already_routed', priority: priorityOf(err.priority), duplicates: others.length };
  }
  if (written === 'missing') throw new ReportNotFoundError(`report ${report._id.toHexString()} does not exist`);
  // The job fails and runs again (then manual triage): the report is never left unrouted without a job to route it.
  if (written === 'contested') throw new ReportContestedError(`report ${report._id.toHexString()} stayed contested; triage not written`);
  return { outcome: 'queued', priority: priorityOf(written.priority), duplicates: others.length };
}

// `triaged` alone is left only by versions that wrote the two steps apart: finish its routing the same way.
const unrouted = (report: { status?: string | null }) => report.status === 'received' || report.status === 'triaged';

const priorityOf = (stored: string | null | undefined) => (stored ?? 'P4') as Priority;

/** The write that routes the report as read: priority and reasons, SLA, and the two status events. */
function routing(report: StoredForTriage, others: Types.ObjectId[], at: Date, cipher: FieldCipher): RevisionedUpdate {
  const result = triageReport({
    text: report.description ? readDescription(report.description, report._id, cipher) : '',
    category: report.category,
    childAge: report.child?.age ?? undefined,
    immediateDanger: report.immediateDanger ?? undefined,
    ongoing: report.ongoing ?? undefined,
  });
  return {
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
  };
}

function readDescription(stored: string, reportId: Types.ObjectId, cipher: FieldCipher): string {
  try {
    return cipher.decrypt(stored, fieldOf(BOUND.reports, reportId, 'description'));
  } catch {
    // Written under a key this process lacks, damaged, or copied from another record: retries will not help, a person must look.
    throw new ReportUnreadableError();
  }
}
