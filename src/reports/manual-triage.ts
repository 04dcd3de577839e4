import type { Types } from 'mongoose';
import { raiseAlert, type AlertDeps } from '../alerts/raise-alert';
import { ReportModel } from '../db/models/report.model';
import { writeNextRevision } from '../db/contested-write';
import { SLA_HOURS } from './report-vocabulary';
import { countSentToManualTriage, type TriageFailureCounter } from './triage-failures';
import { UNREADABLE_MESSAGE } from './triage-stored-report';

/** What the intake queue calls a report automatic triage gave up on. */
export const MANUAL_TRIAGE_LABEL = 'perlu triase manual';
/** High enough that a person looks within a day; a person then decides the real priority. */
export const MANUAL_TRIAGE_PRIORITY = 'P2' as const;

export interface ManualTriageDeps {
  alerts: AlertDeps;
  counter: TriageFailureCounter;
  now?: () => Date;
}

export type ManualTriageOutcome = 'sent' | 'already_routed' | 'not_found';

/** Why automatic triage gave up, in words a receptionist reads: no personal data, no stack trace, no error text. */
export function manualTriageReason(failure: string): string {
  const why = failure.includes(UNREADABLE_MESSAGE)
    ? 'isi laporan tidak dapat dibuka dengan kunci data yang terpasang'
    : 'kesalahan sistem (rincian teknis di daftar tugas gagal)';
  return `triase otomatis gagal: ${why}`;
}

/**
 * A report whose automatic triage failed for good enters the intake queue as "perlu triase manual" (P2, the reason,
 * both steps as events), and the Kepala Seksi Data is told. The alert is raised before the write: a crash between
 * the two leaves the report in `received`, so the next run (the job's last attempt again, or the sweeper) raises the
 * same alert (idempotent) and writes; the other order could leave a queued report nobody was told about.
 * Safe to run any number of times on the same report.
 */
export async function sendToManualTriage(reportId: string, failure: string, deps: ManualTriageDeps): Promise<ManualTriageOutcome> {
  const report = await ReportModel.findById(reportId);
  if (!report) return 'not_found';
  if (report.status !== 'received' && report.status !== 'triaged') return 'already_routed';
  const reason = manualTriageReason(failure);
  await raiseManualTriageAlert({ _id: report._id, ticket: report.ticket, kecamatan: report.location?.kecamatan }, reason, deps.alerts);

  const at = (deps.now ?? (() => new Date()))();
  const written = await writeNextRevision(ReportModel, 'report', report, {
    $set: {
      status: 'queued', priority: MANUAL_TRIAGE_PRIORITY, needsManualTriage: true, triageReasons: [reason],
      triagedAt: at, queuedAt: at,
      slaDueAt: new Date(report.receivedAt.getTime() + SLA_HOURS[MANUAL_TRIAGE_PRIORITY] * 3600_000),
    },
    $push: {
      events: {
        $each: [
          ...(report.status === 'received'
            ? [{ type: 'status', from: 'received', to: 'triaged', actor: 'system', reason: `${MANUAL_TRIAGE_LABEL}: ${reason}`, at }]
            : []),
          { type: 'status', from: 'triaged', to: 'queued', actor: 'system', reason: MANUAL_TRIAGE_LABEL, at },
        ],
      },
    },
  });
  if (!written) return 'already_routed';
  await countSentToManualTriage(deps.counter);
  return 'sent';
}

async function raiseManualTriageAlert(
  report: { _id: Types.ObjectId; ticket: string; kecamatan?: string | null },
  reason: string,
  deps: AlertDeps,
): Promise<void> {
  const link = (alertId: string) => `${deps.adminBaseUrl}/reports/${String(report._id)}?ack=${alertId}`;
  await raiseAlert({
    subject: `manual-triage-${String(report._id)}`, kind: 'report', reportId: report._id, level: 1,
    role: 'kepala_seksi_data', escalates: false,
    text: (alertId) => [
      `LAPOR ANAK: laporan ${MANUAL_TRIAGE_LABEL}`,
      `Tiket: ${report.ticket}`,
      `Alasan: ${reason}`,
      `Masuk antrean sebagai ${MANUAL_TRIAGE_PRIORITY}; mohon ditriase oleh petugas.`,
      `Kecamatan: ${report.kecamatan ?? 'tidak disebut'}`,
      `Buka: ${link(alertId)}`,
    ].join('\n'),
    summary: (alertId) => [`Tiket: ${report.ticket}`, MANUAL_TRIAGE_LABEL, reason, link(alertId)].join(' · '),
  }, deps);
}
