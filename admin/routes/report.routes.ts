import type { Express, Request, Response } from 'express';
import { z } from 'zod';
import { attachReportToCase, openCase } from '../../src/cases/open-case';
import { CaseError } from '../../src/cases/case-error';
import { ReportModel } from '../../src/db/models/report.model';
import { claimReport, displayNameOf, releaseReport } from '../../src/reports/claim-report';
import { mergeReport, referOutReport, rejectReport } from '../../src/reports/close-report';
import { createFolderMediaStore } from '../../src/reports/media-store';
import { activeBlockFor, blockSender, unblockSender } from '../../src/reports/sender-blocks';
import { REPLY_TEMPLATE, replyWindowOf } from '../../src/reports/reply-window';
import { conversationMediaOf, listReportConversation } from '../../src/reports/report-conversation';
import { canReplyTo, replyToReporter } from '../../src/reports/reply-to-reporter';
import { decryptPersonalFields, personalFieldNames, recordReveal } from '../../src/reports/reveal-report';
import { recordAuditEvent } from '../../src/audit/record-audit-event';
import type { RouteDeps } from '../create-admin-app';
import { displayCipher, readMediaOrNull } from '../unreadable-fields';
import { actorOf, allow } from '../middleware/current-user';
import { factsOf } from '../../src/cases/case-reports';
import { findCaseStaff } from '../../src/cases/list-cases';
import { actionsOn } from '../../src/reports/report-lifecycle';
import { mayTouchCase } from '../middleware/load-case';
import { can, REPORT_ACTION_PERMISSION } from '../permissions';
import { acknowledgeFromLink } from './oncall.routes';
import { acknowledgementText } from './alert.routes';
import { parseBody, redirectWithFlash, requireObjectIdParam } from './route-helpers';

/** How long a reveal stays valid in this session before the fields are masked again. */
export const REVEAL_MINUTES = 10;

const Reason = z.object({ reason: z.string().trim().min(3).max(500) });
const ReferOut = z.object({ destination: z.string().trim().min(2).max(200), reason: z.string().trim().min(3).max(500) });
const Merge = z.object({ intoTicket: z.string().trim().min(3).max(40), reason: z.string().trim().min(3).max(500) });
const Attach = z.object({ caseNumber: z.string().trim().min(3).max(40) });
const Reply = z.object({ text: z.string().trim().min(1).max(2000) });
const TemplateReply = z.object({ template: z.literal('yes') });
const Block = z.object({ reason: z.string().trim().min(3).max(500), days: z.coerce.number().int().min(1).max(365) });

/** Why a merge was refused, in words. */
const MERGE_REFUSALS = {
  no_target: 'Tidak dapat digabungkan: tiket tujuan tidak ada, atau sudah digabung/ditolak.',
  not_held: 'Tidak dapat digabungkan: laporan ini dipegang petugas lain.',
  same: 'Tidak dapat digabungkan ke laporan itu sendiri.',
} as const;

export function isRevealed(req: Request, reportId: string): boolean {
  return (req.session.revealed?.[reportId] ?? 0) > Date.now();
}

export function registerReportRoutes(app: Express, deps: RouteDeps): void {
  const blockListSignal = { redis: deps.redis, prefix: deps.config.redis.prefix };
  const id = requireObjectIdParam('id');
  const back = (req: Request) => `/reports/${req.params.id}`;
  const invalid = (req: Request, res: Response) => redirectWithFlash(req, res, back(req), 'Isian tidak lengkap atau tidak sah.');

  app.get('/reports/:id', allow('report.view', 'report.view_own_case'), id, async (req, res) => {
    const user = req.user!;
    const report = await ReportModel.findById(req.params.id);
    if (!report) return res.status(404).render('error.njk', { title: res.locals.t('not_found') });
    // A case worker reads only the reports of a case they work; for anyone else the answer is 403, not 404.
    if (!can(user.role, 'report.view') && !(report.caseId && mayTouchCase(user, (await findCaseStaff(report.caseId)) ?? {}))) {
      return res.status(403).render('error.njk', { title: res.locals.t('forbidden'), message: res.locals.t('forbidden_text') });
    }
    const ack = req.query.ack ? await acknowledgeFromLink(req.query.ack, actorOf(req), report.id) : null;
    if (ack) res.locals.flash = acknowledgementText(ack, report.ticket, deps.config.district.timezone);
    const revealed = isRevealed(req, report.id);
    // Every opening is on record; within a reveal window it is a view of the personal fields, and says so.
    await recordAuditEvent(actorOf(req), { action: revealed ? 'report.view_revealed' : 'report.view', subjectType: 'report', subjectId: report.id, details: { ticket: report.ticket } });
    const messages = await listReportConversation(report._id, { revealed, cipher: displayCipher(deps.cipher, res, deps.logger) });
    res.render('report.njk', {
      title: report.ticket,
      report,
      id: report.id,
      holder: report.claimedBy ? await displayNameOf(report.claimedBy) : undefined,
      heldByMe: report.claimedBy === user.id,
      // The lifecycle says what is possible from this status; the permission table says whether this role may.
      actions: actionsOn(report, user.id).filter((a) => can(user.role, REPORT_ACTION_PERMISSION[a])),
      revealed,
      facts: factsOf(report.toObject(), displayCipher(deps.cipher, res, deps.logger), revealed),
      messages,
      canReply: can(user.role, 'report.reply') && canReplyTo(report),
      replyWindow: await replyWindowOf(report),
      template: REPLY_TEMPLATE(report.ticket),
      block: can(user.role, 'sender.block') ? await activeBlockFor(report.reporterHash) : undefined,
    });
  });

  app.post('/reports/:id/claim', allow('report.claim'), id, async (req, res) => {
    const result = await claimReport(String(req.params.id), actorOf(req));
    if (result.ok) return res.redirect(303, back(req));
    const message = result.reason === 'held' ? `${res.locals.t('already_held_by')} ${result.heldBy}` : `${res.locals.t('cannot_claim')}: ${res.locals.label('status', result.status)}.`;
    redirectWithFlash(req, res, back(req), message);
  });

  app.post('/reports/:id/release', allow('report.claim'), id, async (req, res) => {
    const done = await releaseReport(String(req.params.id), actorOf(req), req.user!.role === 'kepala_seksi_data');
    redirectWithFlash(req, res, done ? '/intake' : back(req), done ? 'Laporan dikembalikan ke antrean.' : 'Hanya pemegang laporan yang dapat melepasnya.');
  });

  app.post('/reports/:id/reject', allow('report.reject'), id, async (req, res) => {
    const form = parseBody(Reason, req.body);
    if (!form) return invalid(req, res);
    const done = await rejectReport(String(req.params.id), actorOf(req), form.reason);
    redirectWithFlash(req, res, done ? '/intake' : back(req), done ? 'Laporan ditolak.' : 'Ambil laporan ini dulu.');
  });

  app.post('/reports/:id/refer-out', allow('report.refer_out'), id, async (req, res) => {
    const form = parseBody(ReferOut, req.body);
    if (!form) return invalid(req, res);
    const done = await referOutReport(String(req.params.id), actorOf(req), form.destination, form.reason);
    redirectWithFlash(req, res, done ? '/intake' : back(req), done ? 'Laporan dirujuk keluar.' : 'Ambil laporan ini dulu.');
  });

  app.post('/reports/:id/merge', allow('report.merge'), id, async (req, res) => {
    const form = parseBody(Merge, req.body);
    if (!form) return invalid(req, res);
    const result = await mergeReport(String(req.params.id), form.intoTicket, actorOf(req), form.reason);
    redirectWithFlash(req, res, result.ok ? '/intake' : back(req), result.ok ? `Digabungkan ke ${form.intoTicket}.` : MERGE_REFUSALS[result.reason]);
  });

  app.post('/reports/:id/open-case', allow('report.open_case'), id, async (req, res) => {
    try {
      const opened = await openCase(String(req.params.id), actorOf(req));
      // The desk that opened it may not work cases itself: it stays on the report, which links the case.
      const to = can(req.user!.role, 'case.view') ? `/cases/${opened.caseId}` : back(req);
      redirectWithFlash(req, res, to, `Kasus ${opened.caseNumber} dibuka.`);
    } catch (err) {
      if (!(err instanceof CaseError)) throw err;
      redirectWithFlash(req, res, back(req), err.message);
    }
  });

  app.post('/reports/:id/attach-case', allow('report.open_case'), id, async (req, res) => {
    const form = parseBody(Attach, req.body);
    if (!form) return invalid(req, res);
    try {
      const attached = await attachReportToCase(String(req.params.id), form.caseNumber, actorOf(req));
      redirectWithFlash(req, res, '/intake', `Dilampirkan ke ${attached.caseNumber}.`);
    } catch (err) {
      if (!(err instanceof CaseError)) throw err;
      redirectWithFlash(req, res, back(req), err.message);
    }
  });

  app.post('/reports/:id/reveal', allow('report.reveal'), id, async (req, res) => {
    const form = parseBody(Reason, req.body);
    if (!form) return redirectWithFlash(req, res, back(req), 'Tuliskan alasan (minimal 3 huruf) untuk menampilkan data pribadi.');
    const report = await ReportModel.findById(req.params.id);
    if (!report) return res.status(404).render('error.njk', { title: res.locals.t('not_found') });
    await recordReveal(report.id, report.ticket, personalFieldNames(report), actorOf(req), form.reason);
    req.session.revealed = { ...req.session.revealed, [report.id]: Date.now() + REVEAL_MINUTES * 60_000 };
    res.redirect(303, back(req));
  });

  app.post('/reports/:id/reply', allow('report.reply'), id, async (req, res) => {
    const free = parseBody(Reply, req.body);
    const templated = parseBody(TemplateReply, req.body);
    if (!free && !templated) return invalid(req, res);
    if (!deps.queues?.outbound) return redirectWithFlash(req, res, back(req), 'Antrean pengiriman tidak tersedia.');
    const report = await ReportModel.findById(req.params.id, { channel: 1, receivedAt: 1, ticket: 1 }).lean();
    if (!report) return res.status(404).render('error.njk', { title: res.locals.t('not_found') });
    // Outside WhatsApp's 24-hour window only the approved template may go out.
    const window = await replyWindowOf(report);
    if (free && window.kind === 'template_only') return redirectWithFlash(req, res, back(req), 'Lewat 24 jam sejak pesan terakhir pelapor: kirim template.');
    const text = free ? free.text : REPLY_TEMPLATE(report.ticket);
    const sent = await replyToReporter(String(req.params.id), text, actorOf(req), deps.cipher, deps.queues);
    redirectWithFlash(req, res, back(req), sent.ok ? 'Balasan diantrekan untuk dikirim.' : 'Pelapor ini tidak dapat dihubungi.');
  });

  app.post('/reports/:id/block-sender', allow('sender.block'), id, async (req, res) => {
    const form = parseBody(Block, req.body);
    if (!form) return invalid(req, res);
    const report = await ReportModel.findById(req.params.id, { reporterHash: 1, ticket: 1 }).lean();
    if (!report) return res.status(404).render('error.njk', { title: res.locals.t('not_found') });
    const until = await blockSender(report.reporterHash, { reason: form.reason, days: form.days, ticket: report.ticket }, actorOf(req), blockListSignal);
    redirectWithFlash(req, res, back(req), `Pengirim diblokir sampai ${until.toISOString().slice(0, 10)}.`);
  });

  app.post('/reports/:id/unblock-sender', allow('sender.block'), id, async (req, res) => {
    const form = parseBody(Reason, req.body);
    if (!form) return invalid(req, res);
    const report = await ReportModel.findById(req.params.id, { reporterHash: 1, ticket: 1 }).lean();
    if (!report) return res.status(404).render('error.njk', { title: res.locals.t('not_found') });
    await unblockSender(report.reporterHash, form.reason, actorOf(req), blockListSignal, report.ticket);
    redirectWithFlash(req, res, back(req), 'Blokir dicabut.');
  });

  // Media only through this authorised stream, decrypted on the fly, after a reveal in this session.
  const media = createFolderMediaStore(deps.config.media.dir, deps.cipher);
  const readMedia = (storageKey: string) => readMediaOrNull(() => media.get(storageKey), storageKey, deps.logger);
  app.get('/reports/:id/media/:index', allow('report.media'), id, async (req, res) => {
    const report = await ReportModel.findById(req.params.id, { media: 1, ticket: 1 }).lean();
    const item = report?.media[Number(req.params.index)];
    if (!report || !item) return res.status(404).type('text/plain').send('not found');
    if (!isRevealed(req, String(report._id))) return res.status(403).type('text/plain').send('reveal first');
    const plain = await readMedia(item.storageKey);
    if (!plain) return res.status(422).type('text/plain').send(res.locals.label('figure', 'tidak_dapat_dibaca'));
    await recordAuditEvent(actorOf(req), { action: 'report.media', subjectType: 'report', subjectId: String(report._id), details: { ticket: report.ticket, index: Number(req.params.index) } });
    res.set({ 'content-type': item.mimeType, 'content-disposition': 'inline', 'cache-control': 'no-store' }).send(plain);
  });

  // A file the reporter sent after filing: the same rules as the report's own media.
  app.get('/reports/:id/messages/:messageId/media', allow('report.media'), id, requireObjectIdParam('messageId'), async (req, res) => {
    const reportId = String(req.params.id);
    const item = await conversationMediaOf(reportId, String(req.params.messageId));
    const report = item ? await ReportModel.findById(reportId, { ticket: 1 }).lean() : null;
    if (!report || !item) return res.status(404).type('text/plain').send('not found');
    if (!isRevealed(req, reportId)) return res.status(403).type('text/plain').send('reveal first');
    const plain = await readMedia(item.storageKey);
    if (!plain) return res.status(422).type('text/plain').send(res.locals.label('figure', 'tidak_dapat_dibaca'));
    await recordAuditEvent(actorOf(req), { action: 'report.media', subjectType: 'report', subjectId: reportId, details: { ticket: report.ticket, messageId: String(req.params.messageId) } });
    res.set({ 'content-type': item.mimeType, 'content-disposition': 'inline', 'cache-control': 'no-store' }).send(plain);
  });
}
