import type { Express, Request, Response } from 'express';
import { z } from 'zod';
import { raiseCaseAlert, type CaseEvent } from '../../src/alerts/raise-case-alert';
import { recordAuditEvent } from '../../src/audit/record-audit-event';
import { CaseError } from '../../src/cases/case-error';
import { decryptCase } from '../../src/cases/case-view';
import { AUTHORISATION_KINDS, MONITORING_KINDS, NEXT_STATUS, REFERRAL_STATUSES, type CaseStatus } from '../../src/cases/case-vocabulary';
import { childInitialsOf, factsOf, findCaseReports } from '../../src/cases/case-reports';
import { approveTermination, requestTermination } from '../../src/cases/request-termination';
import { personalFieldNames, recordReveal } from '../../src/reports/reveal-report';
import { displayNamesOf, listActiveStaff } from '../../src/users/staff-directory';
import { isRevealed, REVEAL_MINUTES } from './report.routes';
import { ApprovalBody, MonitoringBody, NoteBody, PlanBody, ReasonBody, ReferralBody, TerminationRequestBody, terminationOf, TransitionBody } from '../api-schemas';
import { addConferenceNote, addMonitoringEntry, addReferral, assignCaseStaff, updateCasePlan, updateReferralStatus } from '../../src/cases/case-work';
import { listCases } from '../../src/cases/list-cases';
import { transitionCase } from '../../src/cases/transition-case';
import { PartnerModel } from '../../src/db/models/partner.model';
import type { RouteDeps } from '../create-admin-app';
import { displayCipher } from '../unreadable-fields';
import { actorOf, allow } from '../middleware/current-user';
import { loadOwnCase } from '../middleware/load-case';
import { can } from '../permissions';
import { isObjectId, parseBody, redirectWithFlash, requireObjectIdParam } from './route-helpers';

const AssignBody = z.object({ field: z.enum(['caseManagerId', 'assessorId']), userId: z.string().regex(/^[a-f0-9]{24}$/), reason: z.string().trim().max(500).optional() });
const ReferralStatusBody = z.object({ status: z.enum(REFERRAL_STATUSES) });

export function registerCaseRoutes(app: Express, deps: RouteDeps): void {
  const id = requireObjectIdParam('id');
  const back = (req: Request) => `/cases/${req.params.id}`;
  const caseId = (req: Request) => String(req.params.id);

  /** A case alert to the staff member's own chat; a delivery problem never undoes or blocks the change itself. */
  async function notify(id: string, userId: string, event: CaseEvent, key: string): Promise<void> {
    if (!deps.queues?.outbound) return;
    try {
      await raiseCaseAlert(id, userId, event, key, { cipher: deps.cipher, queues: deps.queues, adminBaseUrl: deps.config.admin.baseUrl });
    } catch (err) {
      deps.logger?.warn({ err: (err as Error).message, caseId: id }, 'case alert not raised');
    }
  }

  /** Runs a case change; a refusal (CaseError) becomes a message on the case page instead of an error page. */
  async function act(req: Request, res: Response, work: () => Promise<unknown>, done: string): Promise<void> {
    try {
      await work();
      redirectWithFlash(req, res, back(req), done);
    } catch (err) {
      if (!(err instanceof CaseError)) throw err;
      // The domain words the refusal in a sentence's middle ("tidak bisa dari tahap …"): shown as a sentence.
      redirectWithFlash(req, res, back(req), `${err.message.charAt(0).toUpperCase()}${err.message.slice(1)}.`);
    }
  }

  app.get('/cases', allow('case.list'), async (req, res) => {
    const user = req.user!;
    const all = can(user.role, 'case.any') && req.query.mine !== '1';
    res.render('cases.njk', { title: res.locals.t(all ? 'cases' : 'my_cases'), cases: await listCases({ userId: user.id, all, includeClosed: req.query.closed === '1' }), all });
  });

  app.get('/cases/:id', allow('case.view'), id, loadOwnCase, async (req, res) => {
    const kase = req.kase!;
    await recordAuditEvent(actorOf(req), { action: 'case.view', subjectType: 'case', subjectId: kase.id, details: { caseNumber: kase.caseNumber } });
    const reports = await findCaseReports(kase.reportIds);
    // One reveal on the case opens every report of it; masked again when any reveal has run out.
    const revealed = reports.length > 0 && reports.every((r) => isRevealed(req, String(r._id)));
    const names = await displayNamesOf([kase.caseManagerId, kase.assessorId, kase.terminationRequest?.by]);
    const assigning = can(req.user!.role, 'case.assign');
    const dues = kase.monitoring.map((m) => m.nextDueAt).filter((d): d is Date => d instanceof Date);
    const shown = displayCipher(deps.cipher, res, deps.logger);
    res.render('case.njk', {
      title: kase.caseNumber,
      kase: decryptCase(kase, shown),
      facts: reports.map((r) => factsOf(r, shown, revealed)),
      revealed,
      initials: childInitialsOf(reports, shown),
      names: {
        caseManager: kase.caseManagerId ? names.get(kase.caseManagerId) : undefined,
        assessor: kase.assessorId ? names.get(kase.assessorId) : undefined,
        requestedBy: kase.terminationRequest ? names.get(kase.terminationRequest.by) : undefined,
      },
      nextMonitoring: dues.length ? new Date(Math.max(...dues.map((d) => d.getTime()))) : undefined,
      next: NEXT_STATUS[kase.status as CaseStatus],
      partners: await PartnerModel.find({ active: true }, { name: 1, kind: 1, needsCheck: 1 }).sort({ name: 1 }).lean(),
      managers: assigning ? await listActiveStaff(['pekerja_sosial']) : [],
      assessors: assigning ? await listActiveStaff(['petugas_assesmen']) : [],
      monitoringKinds: MONITORING_KINDS,
      referralStatuses: REFERRAL_STATUSES,
      authorisationKinds: AUTHORISATION_KINDS,
    });
  });

  // The people on a case see the child and the report's personal fields after giving a reason: the report reveal
  // (recordReveal, audited and noted on each report), for every report of the case at once.
  app.post('/cases/:id/reveal', allow('case.view'), id, loadOwnCase, async (req, res) => {
    const form = parseBody(ReasonBody, req.body);
    if (!form) return redirectWithFlash(req, res, back(req), 'Tuliskan alasan (minimal 3 huruf) untuk menampilkan data pribadi.');
    const reports = await findCaseReports(req.kase!.reportIds);
    const until = Date.now() + REVEAL_MINUTES * 60_000;
    const revealed = { ...req.session.revealed };
    for (const report of reports) {
      await recordReveal(String(report._id), report.ticket, personalFieldNames(report), actorOf(req), form.reason);
      revealed[String(report._id)] = until;
    }
    req.session.revealed = revealed;
    res.redirect(303, back(req));
  });

  app.post('/cases/:id/termination-request', allow('case.work'), id, loadOwnCase, async (req, res) => {
    const form = parseBody(TerminationRequestBody, req.body);
    if (!form) return redirectWithFlash(req, res, back(req), 'Tuliskan ringkasan penutupan (minimal 10 karakter).');
    await act(req, res, () => requestTermination(caseId(req), form.closingSummary, actorOf(req), deps.cipher), 'Terminasi diajukan ke Kepala Seksi Pelayanan.');
  });

  app.post('/cases/:id/approve-termination', allow('case.approve'), id, loadOwnCase, async (req, res) => {
    const form = parseBody(ApprovalBody, req.body);
    if (!form) return redirectWithFlash(req, res, back(req), 'Tuliskan catatan persetujuan (minimal 3 huruf).');
    await act(req, res, () => approveTermination(caseId(req), form.note, actorOf(req), deps.cipher), 'Terminasi disetujui; kasus ditutup.');
  });

  app.post('/cases/:id/assign', allow('case.assign'), id, loadOwnCase, async (req, res) => {
    const form = parseBody(AssignBody, req.body);
    if (!form) return redirectWithFlash(req, res, back(req), 'Pilih petugas.');
    await act(req, res, async () => {
      const updated = await assignCaseStaff(caseId(req), form.field, form.userId, actorOf(req), form.reason);
      await notify(caseId(req), form.userId, { kind: 'assigned' }, `assigned-${updated.timeline.length}`);
    }, 'Penugasan disimpan.');
  });

  app.post('/cases/:id/referrals', allow('case.work'), id, loadOwnCase, async (req, res) => {
    const form = parseBody(ReferralBody, req.body);
    if (!form) return redirectWithFlash(req, res, back(req), 'Isian rujukan tidak lengkap (lembaga, alasan, persetujuan).');
    await act(req, res, () => addReferral(caseId(req), { partnerId: form.partnerId, reason: form.reason, authorisation: { kind: form.authKind, note: form.authNote } }, actorOf(req), deps.cipher), 'Rujukan dicatat.');
  });

  app.post('/cases/:id/referrals/:rid', allow('case.work'), id, loadOwnCase, async (req, res) => {
    const form = parseBody(ReferralStatusBody, req.body);
    if (!form || !isObjectId(req.params.rid)) return redirectWithFlash(req, res, back(req), 'Status rujukan tidak sah.');
    await act(req, res, async () => {
      const updated = await updateReferralStatus(caseId(req), String(req.params.rid), form.status, actorOf(req));
      const referral = updated.referrals.find((r) => String(r._id) === req.params.rid);
      if (referral && form.status !== 'sent' && updated.caseManagerId && updated.caseManagerId !== req.user!.id) {
        await notify(caseId(req), updated.caseManagerId, { kind: 'referral_answered', partnerName: referral.partnerName, status: form.status }, `referral-${req.params.rid}-${form.status}`);
      }
    }, 'Status rujukan diperbarui.');
  });

  app.post('/cases/:id/plan', allow('case.work'), id, loadOwnCase, async (req, res) => {
    const form = parseBody(PlanBody, req.body);
    if (!form) return redirectWithFlash(req, res, back(req), 'Isian tidak sah.');
    await act(req, res, () => updateCasePlan(caseId(req), form, actorOf(req), deps.cipher), 'Asesmen/rencana layanan disimpan.');
  });

  app.post('/cases/:id/notes', allow('case.work'), id, loadOwnCase, async (req, res) => {
    const form = parseBody(NoteBody, req.body);
    if (!form) return redirectWithFlash(req, res, back(req), 'Catatan terlalu pendek.');
    await act(req, res, () => addConferenceNote(caseId(req), form, actorOf(req), deps.cipher), 'Catatan disimpan.');
  });

  app.post('/cases/:id/monitoring', allow('case.work'), id, loadOwnCase, async (req, res) => {
    const form = parseBody(MonitoringBody, req.body);
    if (!form) return redirectWithFlash(req, res, back(req), 'Isian pemantauan tidak lengkap.');
    const nextDueAt = form.nextDueAt ? new Date(`${form.nextDueAt}T00:00:00Z`) : undefined;
    await act(req, res, () => addMonitoringEntry(caseId(req), { kind: form.kind, note: form.note, nextDueAt }, actorOf(req), deps.cipher), 'Pemantauan dicatat.');
  });

  app.post('/cases/:id/transition', allow('case.work'), id, loadOwnCase, async (req, res) => {
    const form = parseBody(TransitionBody, req.body);
    if (!form) return redirectWithFlash(req, res, back(req), 'Tahap tidak sah.');
    await act(req, res, () => transitionCase(caseId(req), form.to, actorOf(req), deps.cipher, terminationOf(form)), `${res.locals.t('stage')}: ${res.locals.label('stage', form.to)}.`);
  });
}
