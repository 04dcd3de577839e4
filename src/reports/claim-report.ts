import { acquireLock, lockHolder, releaseLock } from '../db/models/lock.model';
import { UserModel } from '../db/models/user.model';
import { ReportModel, type ReportDocument } from '../db/models/report.model';
import type { Actor } from '../audit/record-audit-event';
import { reportHoldKey, transitionReport } from './report-transition';

export type ClaimResult =
  | { ok: true; report: ReportDocument }
  | { ok: false; reason: 'held'; heldBy: string }
  | { ok: false; reason: 'not_claimable'; status?: string };

const holdKey = reportHoldKey;

// A hold whose report never reached `claimed` (the process died between the two writes) is given up after this.
const STALE_HOLD_MS = 30_000;

/** A receptionist takes a queued report. Exactly one of two simultaneous claimers wins; the other learns who holds it. */
export async function claimReport(reportId: string, actor: Actor): Promise<ClaimResult> {
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await acquireLock(holdKey(reportId), actor.id)) {
      const report = await transitionReport({
        reportId,
        from: ['queued', 'triaged'],
        to: 'claimed',
        actor,
        set: { claimedBy: actor.id, claimedAt: new Date() },
      });
      if (report) return { ok: true, report };
      await releaseLock(holdKey(reportId), actor.id);
      const current = await ReportModel.findById(reportId, { status: 1 }).lean();
      return { ok: false, reason: 'not_claimable', status: current?.status };
    }
    const hold = await lockHolder(holdKey(reportId));
    if (!hold) continue; // released in between: try once more
    if (hold.holder === actor.id) {
      const mine = await ReportModel.findOne({ _id: reportId, status: 'claimed', claimedBy: actor.id });
      if (mine) return { ok: true, report: mine };
    }
    const current = await ReportModel.findById(reportId, { status: 1 }).lean();
    if (current?.status !== 'claimed' && Date.now() - hold.at.getTime() > STALE_HOLD_MS) {
      await releaseLock(holdKey(reportId), hold.holder);
      continue;
    }
    return { ok: false, reason: 'held', heldBy: await displayNameOf(hold.holder) };
  }
  return { ok: false, reason: 'not_claimable' };
}

/** Back to the queue; only the holder (or a supervisor, `force`) can release. */
export async function releaseReport(reportId: string, actor: Actor, force = false): Promise<ReportDocument | null> {
  return transitionReport({
    reportId,
    from: ['claimed'],
    to: 'queued',
    actor,
    guard: force ? {} : { claimedBy: actor.id },
    unset: ['claimedBy', 'claimedAt'],
  });
}

export async function displayNameOf(userId: string): Promise<string> {
  const user = await UserModel.findById(userId, { displayName: 1, username: 1 }).lean().catch(() => null);
  return user ? `${user.displayName} (${user.username})` : 'staf lain';
}
