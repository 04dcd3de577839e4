import type { Types } from 'mongoose';
import { recordAuditEvent, type Actor } from '../audit/record-audit-event';
import { ReportModel, type ReportDocument } from '../db/models/report.model';
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
 * One status change, atomic without transactions: the update only applies while the report is still in one of
 * `from` (and meets `guard`), so two staff acting at once cannot both win. Audited with actor and reason.
 * Returns the updated report, or null when the guard did not hold.
 */
export async function transitionReport(input: TransitionInput): Promise<ReportDocument | null> {
  const { reportId, from, to, actor, reason } = input;
  const updated = await ReportModel.findOneAndUpdate(
    { _id: reportId, status: { $in: from }, ...input.guard },
    {
      $set: { status: to, ...input.set },
      ...(input.unset?.length ? { $unset: Object.fromEntries(input.unset.map((f) => [f, 1])) } : {}),
      $push: { events: { type: 'status', to, actor: actor.id, reason, at: new Date() } },
    },
    { new: true },
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
