import type { Types } from 'mongoose';
import { ReportModel, type ReportDocument } from '../db/models/report.model';

const WINDOW_MS = 14 * 24 * 3600 * 1000;

/**
 * Reports that may describe the same child or event: the same reporter, or the same age band, kecamatan and category,
 * within 14 days either side. They are linked for staff to merge by hand, never dropped. The link is written on the
 * new report only: FerretDB applies concurrent updates of one document as read-modify-write, so writing into other
 * reports while their own jobs move them could undo a status change. Staff find the reverse link by querying.
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
