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
  // Two plain equality queries, the 14 days checked here: FerretDB pushes simple equality down to SQLite but scans
  // an $or or a date range document by document.
  const sameReporter = ReportModel.find({ reporterHash: report.reporterHash }, { _id: 1, receivedAt: 1 }).limit(200).lean();
  const ageBand = report.child?.ageBand;
  const sameChild = report.location?.kecamatan && ageBand && ageBand !== 'unknown'
    ? ReportModel.find(
      { category: report.category, 'location.kecamatan': report.location.kecamatan, 'child.ageBand': ageBand },
      { _id: 1, receivedAt: 1 },
    ).limit(200).lean()
    : Promise.resolve([]);
  const at = report.receivedAt.getTime();
  const seen = new Set<string>([report.id]);
  return [...(await sameReporter), ...(await sameChild)]
    .filter((o) => Math.abs(o.receivedAt.getTime() - at) <= WINDOW_MS && !seen.has(String(o._id)) && seen.add(String(o._id)))
    .slice(0, 20)
    .map((o) => o._id);
}
