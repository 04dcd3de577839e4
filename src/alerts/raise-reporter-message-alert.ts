import type { FieldCipher } from '../crypto/field-cipher';
import { idForKey } from '../db/id-for-key';
import { AlertModel } from '../db/models/alert.model';
import { CaseModel } from '../db/models/case.model';
import { ReportModel } from '../db/models/report.model';
import { UserModel } from '../db/models/user.model';
import { enqueue, type Queues } from '../queue/queues';

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

  const idempotencyKey = `reporter-message-${reportId}-${userId}-${Math.floor(at.getTime() / REPORTER_MESSAGE_ALERT_WINDOW_MS)}`;
  if (await AlertModel.exists({ _id: idForKey(idempotencyKey) })) return 'already';
  const user = await UserModel.findById(userId, { role: 1, telegramChatId: 1, whatsappNumber: 1 }).lean();
  const channel = user?.telegramChatId ? 'telegram' : user?.whatsappNumber ? 'whatsapp' : undefined;
  if (!user || !channel) return 'no_contact';
  const alert = await AlertModel.create({
    _id: idForKey(idempotencyKey),
    idempotencyKey,
    subject: `report-${reportId}`,
    kind: 'reporter_message',
    reportId: report._id,
    caseId: report.caseId,
    level: 0,
    recipientUserId: userId,
    recipientRole: user.role,
    channel,
    // Stored as the profile keeps it: already encrypted.
    address: channel === 'telegram' ? user.telegramChatId : user.whatsappNumber,
    text: [`Laporan ${report.ticket}`, 'Pelapor mengirim pesan baru.', `Buka: ${deps.adminBaseUrl}/reports/${reportId}`].join('\n'),
    summary: `Laporan ${report.ticket}: pelapor mengirim pesan baru. ${deps.adminBaseUrl}/reports/${reportId}`,
  }).catch(async (err: unknown) => {
    // Two jobs of one window raced: the unique _id let one through.
    if ((err as { code?: number }).code === 11000) return null;
    throw err;
  });
  if (!alert) return 'already';
  if (channel === 'telegram') await enqueue(deps.queues, 'outbound', { kind: 'alert', alertId: alert.id });
  else await enqueue(deps.queues, 'whatsapp_alert', { alertId: alert.id });
  return 'queued';
}
