import type { FieldCipher } from '../crypto/field-cipher';
import { CaseModel } from '../db/models/case.model';
import { ReportModel } from '../db/models/report.model';
import type { Queues } from '../queue/queues';
import { alertStaffMember } from './alert-staff-member';

/** A reporter writing several lines in a row is one piece of news: one alert per report and person in this window. */
export const REPORTER_MESSAGE_ALERT_WINDOW_MS = 10 * 60_000;

export type ReporterMessageAlertOutcome = 'queued' | 'no_holder' | 'no_contact' | 'already';

/**
 * Tells whoever works the report that its reporter wrote again: the case's pekerja sosial once a case is open, else
 * the receptionist holding the report. Like raiseCaseAlert: on their own Telegram chat or WhatsApp number, through the
 * worker's delivery queues; the text carries the ticket and a link, never what the reporter wrote. A report nobody
 * holds yet is in the intake queue, where its conversation is seen when it is claimed.
 */
export async function raiseReporterMessageAlert(
  reportId: string,
  at: Date,
  deps: { cipher: FieldCipher; queues: Partial<Queues>; adminBaseUrl: string },
): Promise<ReporterMessageAlertOutcome> {
  const report = await ReportModel.findById(reportId, { ticket: 1, claimedBy: 1, caseId: 1 }).lean();
  if (!report) return 'no_holder';
  const kase = report.caseId ? await CaseModel.findById(report.caseId, { caseManagerId: 1 }).lean() : null;
  const userId = kase?.caseManagerId ?? report.claimedBy;
  if (!userId) return 'no_holder';

  return alertStaffMember({
    idempotencyKey: `reporter-message-${reportId}-${userId}-${Math.floor(at.getTime() / REPORTER_MESSAGE_ALERT_WINDOW_MS)}`,
    userId: String(userId),
    subject: `report-${reportId}`,
    kind: 'reporter_message',
    reportId: report._id,
    caseId: report.caseId,
    text: [`Laporan ${report.ticket}`, 'Pelapor mengirim pesan baru.', `Buka: ${deps.adminBaseUrl}/reports/${reportId}`].join('\n'),
    summary: `Laporan ${report.ticket}: pelapor mengirim pesan baru. ${deps.adminBaseUrl}/reports/${reportId}`,
  }, deps);
}
