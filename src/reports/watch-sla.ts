import { writeNextRevision } from '../db/contested-write';
import { ReportModel } from '../db/models/report.model';
import { raiseAlert, type AlertDeps } from '../alerts/raise-alert';
import { SLA_HOURS, type Priority, type ReportStatus } from './report-vocabulary';

/** Waiting for a first response: once a receptionist claims a report, the SLA is met. */
const WAITING: ReportStatus[] = ['received', 'triaged', 'queued'];
/** "near" = less than this share of the SLA window left. */
const NEAR_SHARE = 0.25;
const LISTED = 20;

export type SlaWatchOutcome = { outcome: 'done'; near: number; breached: number; alertId?: string };

/**
 * Flags reports near or past their SLA (`slaFlag`) and tells the Kepala Seksi Data about the newly flagged ones in one
 * message (tickets and priorities only). A report is announced once per flag, however often the watch runs.
 */
export async function watchSla(deps: AlertDeps): Promise<SlaWatchOutcome> {
  const now = (deps.now ?? (() => new Date()))();
  const horizon = new Date(now.getTime() + Math.max(...Object.values(SLA_HOURS)) * NEAR_SHARE * 3600_000);
  const candidates = await ReportModel.find(
    { status: { $in: WAITING }, slaDueAt: { $lte: horizon }, slaFlag: { $ne: 'breached' } },
    { ticket: 1, priority: 1, slaDueAt: 1, slaFlag: 1, revision: 1 },
  ).lean();

  const flagged: { ticket: string; priority: string; flag: 'near' | 'breached' }[] = [];
  for (const report of candidates) {
    if (!report.slaDueAt || !report.priority) continue;
    const windowMs = SLA_HOURS[report.priority as Priority] * 3600_000;
    const left = report.slaDueAt.getTime() - now.getTime();
    const flag = left <= 0 ? 'breached' : left < windowMs * NEAR_SHARE ? 'near' : undefined;
    if (!flag || flag === report.slaFlag) continue;
    // On the revision just read: a report claimed (or flagged by an overlapping run) meanwhile is left to the next run.
    const written = await writeNextRevision(ReportModel, 'report', report, { $set: { slaFlag: flag } });
    if (written) flagged.push({ ticket: report.ticket, priority: report.priority, flag });
  }
  const near = flagged.filter((f) => f.flag === 'near').length;
  const breached = flagged.length - near;
  if (!flagged.length) return { outcome: 'done', near, breached };

  const alert = await raiseAlert({
    subject: `sla-${now.toISOString().replace(/[^0-9]/g, '')}`, kind: 'sla', level: 1, role: 'kepala_seksi_data', escalates: false,
    text: () => [
      `LAPOR ANAK: SLA antrean pengaduan — ${breached} lewat batas, ${near} mendekati batas`,
      ...flagged.slice(0, LISTED).map((f) => `${f.ticket} ${f.priority} ${f.flag === 'breached' ? 'LEWAT' : 'mendekati'}`),
      ...(flagged.length > LISTED ? [`dan ${flagged.length - LISTED} lainnya`] : []),
      `Antrean: ${deps.adminBaseUrl}/intake?sla=flagged`,
    ].join('\n'),
  }, deps);
  return { outcome: 'done', near, breached, alertId: alert.id };
}
