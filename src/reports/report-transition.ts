import type { Types } from 'mongoose';
import { recordAuditEvent, type Actor } from '../audit/record-audit-event';
import { takeExclusiveSlot } from '../db/models/exclusive-slot.model';
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
 * One status change, atomic without transactions: it applies only while the report is still in one of `from` (and
 * meets `guard`), and only one writer may leave each revision (an exclusive slot, since a guarded update alone is
 * not atomic on FerretDB), so two staff acting at once cannot both win. Audited with actor and reason.
 * Returns the updated report, or null when the guard did not hold or another change won.
 */
export async function transitionReport(input: TransitionInput): Promise<ReportDocument | null> {
  const { reportId, from, to, actor, reason } = input;
  const filter = { _id: reportId, status: { $in: from }, ...input.guard };
  const current = await ReportModel.findOne(filter, { revision: 1 }).lean();
  if (!current) return null;
  const revision = current.revision ?? 0;
  if (!(await takeExclusiveSlot(`report:${String(current._id)}:${revision}`, { reclaimStale: true }))) return null;
  const updated = await ReportModel.findOneAndUpdate(
    { ...filter, revision: current.revision },
    {
      $set: { status: to, revision: revision + 1, ...input.set },
      ...(input.unset?.length ? { $unset: Object.fromEntries(input.unset.map((f) => [f, 1])) } : {}),
      $push: { events: { type: 'status', to, actor: actor.id, reason, at: new Date() } },
    },
    { returnDocument: 'after' },
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
