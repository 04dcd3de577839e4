import { Types } from 'mongoose';
import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import { idForKey } from '../db/id-for-key';
import { AlertModel, type AlertDocument } from '../db/models/alert.model';
import { OnCallShiftModel, type AlertRole } from '../db/models/on-call-shift.model';
import { ReportModel } from '../db/models/report.model';
import { labelOf } from '../labels/labels';
import { enqueue, type Queues } from '../queue/queues';
import { joinWaitingList, type TelegramWaitingList } from './send-alert';

/** Who is alerted at each escalation level. */
export const ESCALATION_ROLES: readonly AlertRole[] = ['petugas_on_call', 'kepala_seksi_data', 'koordinator'];

export interface AlertDeps {
  cipher: FieldCipher;
  queues: Partial<Queues>;
  adminBaseUrl: string;
  escalateAfterMs: number;
  /** Where Telegram alerts wait for their recipient's next second (the worker passes it; see sendAlertByTelegram). */
  telegramWaitingList?: TelegramWaitingList;
  now?: () => Date;
}

export interface AlertSubject {
  subject: string;
  kind: 'report' | 'urgent_draft' | 'sla';
  reportId?: Types.ObjectId;
  level: number;
  role: AlertRole;
  /** The message for an alert id: only what a worker needs to act, never a name or the description. */
  text: (alertId: string) => string;
  /** The same in one line, for a message carrying several alerts (sendAlertByTelegram). */
  summary?: (alertId: string) => string;
  escalates: boolean;
}

export class AlertSubjectNotFoundError extends Error {}

/** The on-call alert for a P1 report at an escalation level (0 = petugas on call). */
export async function raiseReportAlert(reportId: string, level: number, deps: AlertDeps): Promise<AlertDocument> {
  const report = await ReportModel.findById(reportId, { ticket: 1, priority: 1, category: 1, location: 1 }).lean();
  if (!report) throw new AlertSubjectNotFoundError(`report ${reportId} does not exist`);
  return raiseAlert({
    subject: `report-${reportId}`, kind: 'report', reportId: report._id, level, role: roleAt(level), escalates: true,
    text: (alertId) => [
      headline(level, deps.escalateAfterMs),
      `Tiket: ${report.ticket}`,
      `Prioritas: ${report.priority ? labelOf('id', 'priority', report.priority) : 'belum ditriase'}`,
      `Kecamatan: ${report.location?.kecamatan ?? 'tidak disebut'}`,
      `Kategori: ${labelOf('id', 'category', report.category)}`,
      `Buka dan konfirmasi: ${deps.adminBaseUrl}/reports/${reportId}?ack=${alertId}`,
    ].join('\n'),
    summary: (alertId) => [
      ...(level > 0 ? ['ESKALASI'] : []), `Tiket: ${report.ticket}`, report.priority ?? 'belum ditriase',
      report.location?.kecamatan ?? 'kecamatan tidak disebut', labelOf('id', 'category', report.category),
      `${deps.adminBaseUrl}/reports/${reportId}?ack=${alertId}`,
    ].join(' · '),
  }, deps);
}

/** A reporter said "danger: yes" while still filling in the report: there is no ticket yet. */
export async function raiseDraftAlert(draftId: string, channel: string, level: number, deps: AlertDeps): Promise<AlertDocument> {
  return raiseAlert({
    subject: `draft-${draftId}`, kind: 'urgent_draft', level, role: roleAt(level), escalates: true,
    text: (alertId) => [
      headline(level, deps.escalateAfterMs),
      `Pelapor menyatakan anak dalam bahaya saat ini; laporan sedang diisi lewat ${channel}.`,
      `Konfirmasi: ${deps.adminBaseUrl}/alerts/${alertId}?ack=${alertId}`,
    ].join('\n'),
    summary: (alertId) => [
      ...(level > 0 ? ['ESKALASI'] : []), `Anak dalam bahaya saat ini, laporan sedang diisi (${channel})`,
      `${deps.adminBaseUrl}/alerts/${alertId}?ack=${alertId}`,
    ].join(' · '),
  }, deps);
}

/** Creates the alert once per (subject, level), then asks for its delivery and its escalation; safe to repeat. */
export async function raiseAlert(subject: AlertSubject, deps: AlertDeps): Promise<AlertDocument> {
  const now = deps.now ?? (() => new Date());
  const idempotencyKey = subject.kind === 'sla' ? subject.subject : `${subject.subject}-L${subject.level}`;
  // Written first, read only when it exists already (a repeated job): one round trip less for every new alert.
  const alert = await createAlert(idempotencyKey, subject, now(), deps.cipher);

  if (alert.status === 'pending' && alert.channel === 'telegram') {
    if (deps.telegramWaitingList) await joinWaitingList(alert, deps.telegramWaitingList);
    await enqueue(deps.queues, 'outbound', { kind: 'alert', alertId: alert.id });
  } else if (alert.status === 'pending' && alert.channel) {
    await enqueue(deps.queues, 'whatsapp_alert', { alertId: alert.id });
  }
  if (subject.escalates && alert.level < ESCALATION_ROLES.length - 1) {
    // Nobody to tell at this level, or the petugas on call was never reached: the whole chain is told at once
    // rather than each level waiting ALERT_ESCALATE_MINUTES for an acknowledgement from someone who never heard.
    const delay = alert.status === 'no_recipient' || (await lowerLevelUnreached(subject)) ? 0 : deps.escalateAfterMs;
    await enqueue(deps.queues, 'escalate', { alertId: alert.id }, { delay });
  }
  return alert;
}

/** A lower level of this subject found nobody or failed for good. Found by `_id` (idForKey): no collection scan. */
async function lowerLevelUnreached(subject: AlertSubject): Promise<boolean> {
  if (subject.level === 0 || subject.kind === 'sla') return false;
  const ids = Array.from({ length: subject.level }, (_, level) => idForKey(`${subject.subject}-L${level}`));
  const lower = await Promise.all(ids.map((_id) => AlertModel.findById(_id, { status: 1 }).lean()));
  return lower.some((a) => a?.status === 'no_recipient' || a?.status === 'failed');
}

async function createAlert(idempotencyKey: string, subject: AlertSubject, at: Date, cipher: FieldCipher): Promise<AlertDocument> {
  const shift = await OnCallShiftModel.findOne({ role: subject.role, from: { $lte: at }, to: { $gt: at } }).sort({ from: -1 });
  const _id = idForKey(idempotencyKey);
  // The shift's address, sealed again for this alert: a value bound to the shift does not open on the alert.
  const address = shift?.address
    ? cipher.rebind(shift.address, fieldOf(BOUND.onCallShifts, shift._id, 'address'), fieldOf(BOUND.alerts, _id, 'address'))
    : undefined;
  try {
    return await AlertModel.create({
      _id, idempotencyKey, subject: subject.subject, kind: subject.kind, reportId: subject.reportId, level: subject.level,
      recipientRole: subject.role, recipientUserId: shift?.userId, channel: shift?.channel, address,
      text: subject.text(_id.toHexString()), summary: subject.summary?.(_id.toHexString()),
      status: shift ? 'pending' : 'no_recipient',
    });
  } catch (err) {
    // Made before (a repeated job, or two runs raced): that alert is the alert.
    if ((err as { code?: number }).code === 11000) return (await AlertModel.findById(_id))!;
    throw err;
  }
}

function roleAt(level: number): AlertRole {
  return ESCALATION_ROLES[Math.min(level, ESCALATION_ROLES.length - 1)]!;
}

function headline(level: number, escalateAfterMs: number): string {
  if (level === 0) return 'LAPOR ANAK: laporan darurat';
  return `LAPOR ANAK: ESKALASI, belum dikonfirmasi dalam ${Math.max(1, Math.round(escalateAfterMs / 60_000))} menit`;
}
