import { ReportModel } from '../db/models/report.model';
import type { ReportStatus } from './report-vocabulary';

export interface ReporterReportLine {
  ticket: string;
  status: ReportStatus;
  receivedAt: Date;
}

/** A reporter's own reports, newest first, found by the keyed hash of their chat: nobody else's are reachable. */
export async function listReporterReports(reporterHash: string, limit = 10): Promise<ReporterReportLine[]> {
  const docs = await ReportModel.find({ reporterHash }, { ticket: 1, status: 1, receivedAt: 1 })
    .sort({ receivedAt: -1 })
    .limit(limit)
    .lean();
  return docs.map((d) => ({ ticket: d.ticket, status: d.status, receivedAt: d.receivedAt }));
}
