import { UserModel } from '../db/models/user.model';
import { ReportModel, type ReportDocument } from '../db/models/report.model';
import type { Actor } from '../audit/record-audit-event';
import { statusesAllowing } from './report-lifecycle';
import { transitionReport } from './report-transition';

const CLAIM_ATTEMPTS = 8;

export type ClaimResult =
  | { ok: true; report: ReportDocument }
  | { ok: false; reason: 'held'; heldBy: string }
  | { ok: false; reason: 'not_claimable'; status?: string };

/**
 * A receptionist takes a queued report. Exactly one of two simultaneous claimers wins (transitionReport lets one
 * writer leave each revision); the other learns who holds it.
 */
export async function claimReport(reportId: string, actor: Actor): Promise<ClaimResult> {
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const report = await transitionReport({
      reportId,
      from: statusesAllowing('claim'),
      to: 'claimed',
      actor,
      set: { claimedBy: actor.id, claimedAt: new Date() },
    });
    if (report) return { ok: true, report };
    const current = await ReportModel.findById(reportId, { status: 1, claimedBy: 1 }).lean();
    if (current?.status === 'claimed' && current.claimedBy) {
      if (current.claimedBy === actor.id) return { ok: true, report: (await ReportModel.findById(reportId))! };
      return { ok: false, reason: 'held', heldBy: await displayNameOf(current.claimedBy) };
    }
    if (current?.status !== 'queued' && current?.status !== 'triaged') return { ok: false, reason: 'not_claimable', status: current?.status };
    // Still queued: the winner took the revision but has not written yet. Look again in a moment.
    await new Promise((r) => setTimeout(r, 25 * (attempt + 1)));
  }
  return { ok: false, reason: 'not_claimable', status: 'queued' };
}

/** Back to the queue; only the holder (or a supervisor, `force`) can release. */
export async function releaseReport(reportId: string, actor: Actor, force = false): Promise<ReportDocument | null> {
  return transitionReport({
    reportId,
    from: statusesAllowing('release'),
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
