import type { Types } from 'mongoose';
import { CaseModel } from '../db/models/case.model';
import { ReportMessageModel } from '../db/models/report-message.model';
import { ReportModel } from '../db/models/report.model';

export interface RetentionPeriods {
  rejectedDays: number;
  transcriptDays: number;
}

// What a report keeps after anonymisation: the non-personal facts the unit's statistics are made of.
const PERSONAL_FIELDS = ['replyAddress', 'reporterName', 'contactPhone', 'description', 'child.name', 'location.desa', 'location.exact', 'occurredWhen'];

function cutoffs(periods: RetentionPeriods, now: Date) {
  return {
    rejected: new Date(now.getTime() - periods.rejectedDays * 86_400_000),
    transcript: new Date(now.getTime() - periods.transcriptDays * 86_400_000),
  };
}

function rejectedQuery(cutoff: Date) {
  // Every stored report has a description; its absence marks one already anonymised.
  return { status: { $in: ['rejected', 'merged'] as ('rejected' | 'merged')[] }, updatedAt: { $lt: cutoff }, description: { $exists: true } };
}

async function closedCaseReportIds(cutoff: Date) {
  const cases = await CaseModel.find({ status: 'terminated', terminatedAt: { $lt: cutoff } }, { reportIds: 1 }).lean();
  return cases.flatMap((c) => c.reportIds);
}

/** The dry run the Koordinator sees first: how much the retention job would erase now. Changes nothing. */
export async function planRetention(periods: RetentionPeriods, now = new Date()) {
  const cut = cutoffs(periods, now);
  const reportIds = await closedCaseReportIds(cut.transcript);
  return {
    rejectedReportsToAnonymise: await ReportModel.countDocuments(rejectedQuery(cut.rejected)),
    transcriptMessagesToErase: reportIds.length ? await ReportMessageModel.countDocuments({ reportId: { $in: reportIds } }) : 0,
    cutoffs: { rejected: cut.rejected.toISOString(), transcript: cut.transcript.toISOString() },
  };
}

/** The scheduled job's work: anonymise old rejected/merged reports and erase closed cases' conversations. */
export async function applyRetention(periods: RetentionPeriods, removeMedia: (storageKey: string) => Promise<void>, now = new Date()) {
  const cut = cutoffs(periods, now);
  const doomed = await ReportModel.find(rejectedQuery(cut.rejected), { media: 1 }).lean();
  for (const item of doomed.flatMap((r) => r.media)) await removeMedia(item.storageKey);
  const anonymised = await ReportModel.updateMany(
    { _id: { $in: doomed.map((r) => r._id) } },
    { $unset: Object.fromEntries(PERSONAL_FIELDS.map((f) => [f, 1])), $set: { media: [] } },
  );
  // What the reporter wrote after filing is personal too: an anonymised report keeps no conversation.
  const conversationOfDoomed = await eraseConversations(doomed.map((r) => r._id), removeMedia);
  const reportIds = await closedCaseReportIds(cut.transcript);
  const erased = await eraseConversations(reportIds, removeMedia);
  return { reportsAnonymised: anonymised.modifiedCount, messagesErased: erased + conversationOfDoomed };
}

/** Deletes the reports' conversations, the files reporters sent after filing first. */
async function eraseConversations(reportIds: Types.ObjectId[], removeMedia: (storageKey: string) => Promise<void>): Promise<number> {
  if (!reportIds.length) return 0;
  const withFiles = await ReportMessageModel.find({ reportId: { $in: reportIds }, media: { $exists: true } }, { media: 1 }).lean();
  for (const m of withFiles) if (m.media) await removeMedia(m.media.storageKey);
  return (await ReportMessageModel.deleteMany({ reportId: { $in: reportIds } })).deletedCount;
}
