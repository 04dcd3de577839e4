import type { Actor } from '../audit/record-audit-event';
import { ReportModel, type ReportDocument } from '../db/models/report.model';
import { statusesAllowing } from './report-lifecycle';
import { transitionReport } from './report-transition';

// The ways a claimed report leaves the queue without a case. Each needs the holder and a reason.

export function rejectReport(reportId: string, actor: Actor, reason: string): Promise<ReportDocument | null> {
  return transitionReport({ reportId, from: statusesAllowing('reject'), to: 'rejected', actor, reason, guard: { claimedBy: actor.id } });
}

export function referOutReport(reportId: string, actor: Actor, destination: string, reason: string) {
  return transitionReport({
    reportId,
    from: statusesAllowing('refer_out'),
    to: 'referred_out',
    actor,
    reason: `${destination}: ${reason}`,
    guard: { claimedBy: actor.id },
  });
}

export type MergeResult = { ok: true; report: ReportDocument } | { ok: false; reason: 'no_target' | 'not_held' | 'same' };

/** A duplicate points at the report it repeats; the original keeps going. */
export async function mergeReport(reportId: string, intoTicket: string, actor: Actor, reason: string): Promise<MergeResult> {
  const target = await ReportModel.findOne({ ticket: intoTicket }, { _id: 1, status: 1 }).lean();
  if (!target || target.status === 'merged' || target.status === 'rejected') return { ok: false, reason: 'no_target' };
  if (String(target._id) === reportId) return { ok: false, reason: 'same' };
  const report = await transitionReport({
    reportId,
    from: statusesAllowing('merge'),
    to: 'merged',
    actor,
    reason: `duplikat dari ${intoTicket}: ${reason}`,
    // Data staff merge straight from the queue; a held report only by its holder.
    guard: { $or: [{ status: 'queued' }, { claimedBy: actor.id }] },
  });
  return report ? { ok: true, report } : { ok: false, reason: 'not_held' };
}
