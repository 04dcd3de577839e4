import type { Types } from 'mongoose';
import { recordAuditEvent, type Actor } from '../audit/record-audit-event';
import { ReportModel, type ReportDocument } from '../db/models/report.model';
import { changeRecord, writeNextRevision, type RevisionedUpdate } from '../db/contested-write';
import type { ReportStatus } from './report-vocabulary';

export interface TransitionInput {
  reportId: string | Types.ObjectId;
  from: readonly ReportStatus[];
  to: ReportStatus;
  actor: Actor;
  reason?: string;
  /** Extra conditions the document must meet (e.g. claimedBy), checked in the same atomic update. */
  guard?: Record<string, unknown>;
  set?: Record<string, unknown>;
  unset?: string[];
}

/**
 * One status change, atomic without transactions: it applies only while the report is still in one of `from` (and
 * meets `guard`), and only one writer may leave each revision (an exclusive slot, since a guarded update alone is
 * not atomic on FerretDB), so two staff acting at once cannot both win. Audited with actor and reason.
 * Returns the updated report, or null when the guard did not hold or another change won.
 */
export async function transitionReport(input: TransitionInput): Promise<ReportDocument | null> {
  const { reportId, from, to, actor, reason } = input;
  const updated = await changeReportIf(
    reportId,
    (doc) => from.includes(doc.status as ReportStatus) && matchesGuard(doc, input.guard ?? {}),
    {
      $set: { status: to, ...input.set },
      ...(input.unset?.length ? { $unset: Object.fromEntries(input.unset.map((f) => [f, 1])) } : {}),
      $push: { events: { type: 'status', to, actor: actor.id, reason, at: new Date() } },
    },
  );
  if (!updated) return null;
  await recordAuditEvent(actor, {
    action: 'report.status',
    subjectType: 'report',
    subjectId: String(updated._id),
    reason,
    details: { ticket: updated.ticket, to },
  });
  return updated;
}

/**
 * The one way a contested change reaches a report: read it by `_id`, check it in code, then write the next revision
 * (contested-write.ts: exclusive per revision, guarded by it).
 */
export async function changeReportIf(
  reportId: string | Types.ObjectId,
  accept: (doc: Record<string, unknown>) => boolean,
  update: RevisionedUpdate & { $set: Record<string, unknown> },
): Promise<ReportDocument | null> {
  const current = await ReportModel.findById(reportId).lean();
  if (!current || !accept(current as unknown as Record<string, unknown>)) return null;
  return writeNextRevision(ReportModel, 'report', current, update);
}

/**
 * Adds one event to a report's timeline through the same revisioned write (a plain `$push` racing a status change can
 * undo it on FerretDB, which rewrites the whole document). False when there is no such report, or it stayed contested.
 */
export async function appendReportEvent(reportId: string | Types.ObjectId, event: Record<string, unknown>): Promise<boolean> {
  const outcome = await changeRecord(ReportModel, 'report', reportId, () => ({ $push: { events: event } }));
  return outcome !== 'missing' && outcome !== 'contested';
}

/** Equality on fields, and `$or` of such: the guards transitions use. */
function matchesGuard(doc: Record<string, unknown>, guard: Record<string, unknown>): boolean {
  return Object.entries(guard).every(([key, value]) =>
    key === '$or'
      ? (value as Record<string, unknown>[]).some((alternative) => matchesGuard(doc, alternative))
      : doc[key] === value);
}
