import type { Types } from 'mongoose';
import { ReportModel, type ReportDocument } from '../db/models/report.model';

const WINDOW_MS = 14 * 24 * 3600 * 1000;

/**
 * Reports that may describe the same child or event: the same reporter, or the same age band, kecamatan and category,
 * within 14 days either side. They are linked for staff to merge by hand, never dropped.
 */
export async function findPossibleDuplicates(report: ReportDocument): Promise<Types.ObjectId[]> {
  const receivedAt = { $gte: new Date(report.receivedAt.getTime() - WINDOW_MS), $lte: new Date(report.receivedAt.getTime() + WINDOW_MS) };
  const sameChild = report.location?.kecamatan && report.child?.ageBand && report.child.ageBand !== 'unknown'
    ? [{ 'location.kecamatan': report.location.kecamatan, category: report.category, 'child.ageBand': report.child.ageBand }]
    : [];
  const others = await ReportModel.find(
    { _id: { $ne: report._id }, receivedAt, $or: [{ reporterHash: report.reporterHash }, ...sameChild] },
    { _id: 1 },
  ).limit(20).lean();
  return others.map((o) => o._id);
}

/** Links both ways, so whichever report a receptionist opens shows the other. */
export async function linkPossibleDuplicates(reportId: Types.ObjectId, others: Types.ObjectId[]): Promise<void> {
  if (!others.length) return;
  await ReportModel.updateOne({ _id: reportId }, { $addToSet: { possibleDuplicates: { $each: others } } });
  await ReportModel.updateMany({ _id: { $in: others } }, { $addToSet: { possibleDuplicates: reportId } });
}
