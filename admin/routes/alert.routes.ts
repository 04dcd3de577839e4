import type { Express } from 'express';
import { acknowledgeAlert } from '../../src/alerts/acknowledge-alert';
import { listAlerts, reportIdOfAlert } from '../../src/alerts/list-alerts';
import { recordAuditEvent, type Actor } from '../../src/audit/record-audit-event';
import { AlertModel } from '../../src/db/models/alert.model';
import type { Queues } from '../../src/queue/queues';
import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import type { RouteDeps } from '../create-admin-app';
import { forgetAlertBanner } from '../middleware/alert-banner';
import { actorOf, allow } from '../middleware/current-user';
import { redirectWithFlash, requireObjectIdParam } from './route-helpers';

/** Who acknowledged an alert and when: this user just now, or whoever was first. */
export interface Acknowledgement {
  byMe: boolean;
  at: Date;
  by?: string;
}

/** Acknowledges (first one wins; the reporter of an urgent draft is told: `acknowledgeAlert`), audits it and takes the banner down. */
export async function acknowledgeAudited(
  alertId: string, actor: Actor, subject: { subjectType: 'report'; subjectId: string }, queues?: Partial<Queues>,
): Promise<Acknowledgement | null> {
  const outcome = await acknowledgeAlert(alertId, actor.id, queues);
  if (outcome === 'not_found') return null;
  if (outcome === 'acknowledged') {
    await recordAuditEvent(actor, { action: 'alert.ack', ...subject, details: { alertId } });
    forgetAlertBanner();
  }
  const alert = await AlertModel.findById(alertId, { acknowledgedAt: 1, acknowledgedBy: 1 }).lean();
  const byMe = alert?.acknowledgedBy === actor.id;
  const by = byMe || !alert?.acknowledgedBy ? undefined : (await UserModel.findById(alert.acknowledgedBy, { displayName: 1 }).lean().catch(() => null))?.displayName;
  return { byMe, at: alert?.acknowledgedAt ?? new Date(), by };
}

/** "Peringatan ADU-… sudah Anda terima pukul 14.05 WIB, 1/12/2026": the confirmation an alert's link shows. */
export function acknowledgementText(ack: Acknowledgement, ticket: string | undefined, timeZone: string): string {
  const when = new Intl.DateTimeFormat('id-ID', { timeZone, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(ack.at);
  const day = new Intl.DateTimeFormat('id-ID', { timeZone, dateStyle: 'short' }).format(ack.at);
  const what = `Peringatan ${ticket ?? '(laporan sedang diisi)'}`;
  return ack.byMe ? `${what} sudah Anda terima pukul ${when}, ${day}.` : `${what} sudah diterima oleh ${ack.by ?? 'petugas lain'} pukul ${when}, ${day}.`;
}

export function registerAlertRoutes(app: Express, deps: RouteDeps): void {
  const id = requireObjectIdParam('id');
  const timeZone = deps.config.district.timezone;

  app.get('/alerts', allow('alert.view'), async (_req, res) => {
    res.render('alerts.njk', { title: 'Peringatan darurat', alerts: await listAlerts() });
  });

  app.post('/alerts/:id/ack', allow('alert.ack'), id, async (req, res) => {
    const alert = await AlertModel.findById(req.params.id, { reportId: 1, subject: 1 }).lean();
    if (!alert) return redirectWithFlash(req, res, '/alerts', 'Peringatan tidak ditemukan.');
    const ack = await acknowledgeAudited(String(alert._id), actorOf(req), { subjectType: 'report', subjectId: String(alert.reportId ?? alert._id) }, deps.queues);
    redirectWithFlash(req, res, '/alerts', acknowledgementText(ack!, await ticketOf(alert), timeZone));
  });

  // The link in an urgent-draft alert: opening it (after sign-in) acknowledges it and stops the escalation.
  app.get('/alerts/:id', allow('alert.ack'), id, async (req, res) => {
    const alert = await AlertModel.findById(req.params.id, { kind: 1, reportId: 1, subject: 1 }).lean();
    if (!alert) return res.status(404).render('error.njk', { title: res.locals.t('not_found') });
    const ack = await acknowledgeAudited(String(alert._id), actorOf(req), { subjectType: 'report', subjectId: String(alert.reportId ?? alert._id) }, deps.queues);
    const text = acknowledgementText(ack!, await ticketOf(alert), timeZone);
    if (alert.reportId) return redirectWithFlash(req, res, `/reports/${alert.reportId}`, text);
    res.render('error.njk', { title: text, message: 'Daftar semua peringatan ada di halaman Peringatan.' });
  });
}

/** A report alert's ticket; a draft alert has one once its draft was sent (the report's id comes from the draft's). */
async function ticketOf(alert: { reportId?: unknown; subject: string }): Promise<string | undefined> {
  const reportId = reportIdOfAlert(alert);
  return reportId ? (await ReportModel.findById(reportId, { ticket: 1 }).lean())?.ticket : undefined;
}
