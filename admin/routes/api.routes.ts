import type { Express, Request, Response } from 'express';
import { recordAuditEvent } from '../../src/audit/record-audit-event';
import { CaseError } from '../../src/cases/case-error';
import { decryptCase } from '../../src/cases/case-view';
import { addConferenceNote, addReferral } from '../../src/cases/case-work';
import { openCase } from '../../src/cases/open-case';
import { transitionCase } from '../../src/cases/transition-case';
import { ReportModel } from '../../src/db/models/report.model';
import { claimReport, releaseReport } from '../../src/reports/claim-report';
import { rejectReport } from '../../src/reports/close-report';
import { findIntakeQueue, IntakeFilterSchema } from '../../src/reports/intake-queue';
import { decryptPersonalFields, personalFieldNames, recordReveal } from '../../src/reports/reveal-report';
import type { SignInThrottle } from '../../src/users/sign-in-throttle';
import { EmptyBody, NoteBody, ReasonBody, ReferralBody, SessionBody, terminationOf, TransitionBody } from '../api-schemas';
import type { RouteDeps } from '../create-admin-app';
import { displayCipher } from '../unreadable-fields';
import { buildOpenApi } from '../openapi';
import { actorOf, allow } from '../middleware/current-user';
import { loadOwnCase } from '../middleware/load-case';
import { signInAndStartSession, tooManyAttempts } from './auth.routes';
import { parseBody, requireObjectIdParam } from './route-helpers';

const TICKET = /^[A-Z0-9-]{3,40}$/;

function badRequest(res: Response): void {
  res.status(400).json({ error: 'invalid_body', message: 'body does not match the schema (see /api/openapi.json)' });
}

/** The non-personal view of a report that lists and look-ups return. */
function reportSummary(r: { _id: unknown; ticket: string; priority?: string | null; status: string; category: string; receivedAt: Date; slaDueAt?: Date | null; channel?: string; caseId?: unknown }) {
  return {
    id: String(r._id), ticket: r.ticket, priority: r.priority ?? null, status: r.status, category: r.category,
    channel: r.channel, receivedAt: r.receivedAt, slaDueAt: r.slaDueAt ?? null, caseId: r.caseId ? String(r.caseId) : null,
  };
}

async function caseAction(res: Response, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
    res.json({ ok: true });
  } catch (err) {
    if (!(err instanceof CaseError)) throw err;
    res.status(err.code === 'not_found' ? 404 : err.code === 'conflict' ? 409 : 400).json({ error: err.code, message: err.message });
  }
}

export function registerApiRoutes(app: Express, deps: RouteDeps, throttle: SignInThrottle): void {
  const id = requireObjectIdParam('id');
  const reportId = (req: Request) => String(req.params.id);

  app.get('/api/openapi.json', (_req, res) => {
    res.json(buildOpenApi());
  });

  app.post('/api/session', async (req, res) => {
    const body = parseBody(SessionBody, req.body);
    if (!body) return badRequest(res);
    const result = await signInAndStartSession(req, throttle, body.username, body.password);
    if (!result.ok && result.reason === 'throttled') return void tooManyAttempts(res, result).json({ error: 'throttled' });
    if (!result.ok) return void res.status(401).json({ error: 'bad_credentials' });
    const u = result.user;
    res.json({ user: { id: u.id, username: u.username, role: u.role, mustChangePassword: u.mustChangePassword }, csrfToken: req.session.csrfToken });
  });

  app.delete('/api/session', allow('account.self'), (req, res) => {
    req.session.destroy(() => res.status(204).end());
  });

  app.get('/api/intake', allow('intake.view'), async (req, res) => {
    const filter = IntakeFilterSchema.safeParse(req.query);
    if (!filter.success) return badRequest(res);
    res.json({ items: (await findIntakeQueue(filter.data)).map((r) => ({
      ...reportSummary(r), kecamatan: (r as { location?: { kecamatan?: string } }).location?.kecamatan ?? null, claimedBy: r.claimedBy ?? null,
      // "Perlu triase manual": automatic triage failed; the reason says why, in the receptionist's words.
      needsManualTriage: r.needsManualTriage === true, triageReasons: r.triageReasons,
    })) });
  });

  app.get('/api/reports/by-ticket/:ticket', allow('report.view'), async (req, res) => {
    const ticket = String(req.params.ticket).toUpperCase();
    const report = TICKET.test(ticket) ? await ReportModel.findOne({ ticket }).lean() : null;
    if (!report) return void res.status(404).json({ error: 'not_found' });
    await recordAuditEvent(actorOf(req), { action: 'report.view', subjectType: 'report', subjectId: String(report._id), details: { ticket: report.ticket, via: 'api' } });
    res.json({ ...reportSummary(report), kecamatan: report.location?.kecamatan ?? null, triageReasons: report.triageReasons, claimedBy: report.claimedBy ?? null, personalFields: personalFieldNames(report) });
  });

  app.post('/api/reports/:id/claim', allow('report.claim'), id, async (req, res) => {
    if (!parseBody(EmptyBody, req.body ?? {})) return badRequest(res);
    const result = await claimReport(reportId(req), actorOf(req));
    if (result.ok) return void res.json(reportSummary(result.report));
    if (result.reason === 'held') return void res.status(409).json({ error: 'held', heldBy: result.heldBy, message: `already held by ${result.heldBy}` });
    res.status(result.status ? 409 : 404).json({ error: result.status ? 'not_claimable' : 'not_found', status: result.status ?? null });
  });

  app.post('/api/reports/:id/release', allow('report.claim'), id, async (req, res) => {
    if (!parseBody(EmptyBody, req.body ?? {})) return badRequest(res);
    const done = await releaseReport(reportId(req), actorOf(req), req.user!.role === 'kepala_seksi_data');
    if (!done) return void res.status(409).json({ error: 'not_held' });
    res.json(reportSummary(done));
  });

  app.post('/api/reports/:id/reject', allow('report.reject'), id, async (req, res) => {
    const body = parseBody(ReasonBody, req.body);
    if (!body) return badRequest(res);
    const done = await rejectReport(reportId(req), actorOf(req), body.reason);
    if (!done) return void res.status(409).json({ error: 'not_held' });
    res.json(reportSummary(done));
  });

  app.post('/api/reports/:id/reveal', allow('report.reveal'), id, async (req, res) => {
    const body = parseBody(ReasonBody, req.body);
    if (!body) return badRequest(res);
    const report = await ReportModel.findById(reportId(req));
    if (!report) return void res.status(404).json({ error: 'not_found' });
    await recordReveal(report.id, report.ticket, personalFieldNames(report), actorOf(req), body.reason);
    res.json({ id: report.id, ticket: report.ticket, fields: decryptPersonalFields(report, displayCipher(deps.cipher, res, deps.logger)) });
  });

  app.post('/api/reports/:id/open-case', allow('report.open_case'), id, async (req, res) => {
    if (!parseBody(EmptyBody, req.body ?? {})) return badRequest(res);
    try {
      res.status(201).json(await openCase(reportId(req), actorOf(req)));
    } catch (err) {
      if (!(err instanceof CaseError)) throw err;
      res.status(409).json({ error: err.code, message: err.message });
    }
  });

  app.get('/api/cases/:id', allow('case.view'), id, loadOwnCase, async (req, res) => {
    await recordAuditEvent(actorOf(req), { action: 'case.view', subjectType: 'case', subjectId: req.kase!.id, details: { caseNumber: req.kase!.caseNumber, via: 'api' } });
    const kase = decryptCase(req.kase!, displayCipher(deps.cipher, res, deps.logger));
    res.json({ ...kase, _id: undefined, __v: undefined });
  });

  app.post('/api/cases/:id/referrals', allow('case.work'), id, loadOwnCase, async (req, res) => {
    const body = parseBody(ReferralBody, req.body);
    if (!body) return badRequest(res);
    await caseAction(res, () => addReferral(reportId(req), { partnerId: body.partnerId, reason: body.reason, authorisation: { kind: body.authKind, note: body.authNote } }, actorOf(req), deps.cipher));
  });

  app.post('/api/cases/:id/notes', allow('case.work'), id, loadOwnCase, async (req, res) => {
    const body = parseBody(NoteBody, req.body);
    if (!body) return badRequest(res);
    await caseAction(res, () => addConferenceNote(reportId(req), body, actorOf(req), deps.cipher));
  });

  app.post('/api/cases/:id/transition', allow('case.work'), id, loadOwnCase, async (req, res) => {
    const body = parseBody(TransitionBody, req.body);
    if (!body) return badRequest(res);
    await caseAction(res, () => transitionCase(reportId(req), body.to, actorOf(req), deps.cipher, terminationOf(body)));
  });
}
