import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { z } from 'zod';
import { recordAuditEvent } from '../../src/audit/record-audit-event';
import { createLookupHasher } from '../../src/crypto/field-cipher';
import { enqueue } from '../../src/queue/queues';
import {
  AGE_BANDS, CATEGORIES, DANGER_ANSWERS, PERPETRATOR_RELATIONS, PLACE_TYPES, REPORTER_ROLES, SEXES,
} from '../../src/reports/report-vocabulary';
import { ConfirmedReportSchema, storeReport } from '../../src/reports/store-report';
import type { RouteDeps } from '../create-admin-app';
import { actorOf, allow } from '../middleware/current-user';
import { parseBody, redirectWithFlash } from './route-helpers';

const blank = (v: unknown) => (v === '' ? undefined : v);
const opt = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());
const WalkInForm = z.object({
  channel: z.enum(['walk_in', 'phone']),
  anonymous: z.enum(['yes', 'no']),
  reporterRole: z.preprocess(blank, z.enum(REPORTER_ROLES).optional()),
  reporterName: opt(200),
  contactPhone: z.preprocess(blank, z.string().regex(/^\+?[0-9 -]{6,20}$/).optional()),
  immediateDanger: z.enum(DANGER_ANSWERS),
  category: z.enum(CATEGORIES),
  description: z.string().trim().min(1).max(10_000),
  ageBand: z.enum(AGE_BANDS),
  sex: z.enum(SEXES),
  childName: opt(200),
  perpetratorRelation: z.enum(PERPETRATOR_RELATIONS),
  kecamatan: opt(60),
  desa: opt(200),
  placeType: z.preprocess(blank, z.enum(PLACE_TYPES).optional()),
  occurredWhen: opt(500),
  ongoing: z.enum(DANGER_ANSWERS),
});

const OPTIONS = {
  categories: CATEGORIES, reporterRoles: REPORTER_ROLES, ageBands: AGE_BANDS, sexes: SEXES, relations: PERPETRATOR_RELATIONS,
  placeTypes: PLACE_TYPES, dangers: DANGER_ANSWERS,
};

/** Walk-in and phone complaints, typed by the desk: the same schema, storage and triage as a chat report. */
export function registerWalkInRoutes(app: Express, deps: RouteDeps): void {
  const hasher = createLookupHasher(deps.config.crypto.lookupHashKey);

  app.get('/reports-new', allow('report.register'), (_req, res) => {
    res.render('report-new.njk', { title: res.locals.t('walk_in_report'), options: { ...OPTIONS, kecamatan: deps.config.district.kecamatan } });
  });

  app.post('/reports-new', allow('report.register'), async (req, res) => {
    const form = parseBody(WalkInForm, req.body);
    if (!form) return redirectWithFlash(req, res, '/reports-new', 'Isian belum lengkap atau tidak sah; periksa lagi.');
    if (form.kecamatan && !deps.config.district.kecamatan.includes(form.kecamatan)) {
      return redirectWithFlash(req, res, '/reports-new', 'Kecamatan tidak dikenal.');
    }
    const anonymous = form.anonymous === 'yes';
    const report = ConfirmedReportSchema.safeParse({
      anonymous,
      reporterRole: form.reporterRole,
      reporterName: form.reporterName,
      immediateDanger: form.immediateDanger,
      category: form.category,
      description: form.description,
      child: { ageBand: form.ageBand, sex: form.sex, name: form.childName },
      perpetratorRelation: form.perpetratorRelation,
      location: { kecamatan: form.kecamatan, desa: form.desa, placeType: form.placeType },
      occurredWhen: form.occurredWhen,
      ongoing: form.ongoing,
      contactMethod: !anonymous && form.contactPhone ? 'other_number' : 'none',
      contactPhone: form.contactPhone,
    });
    if (!report.success) return redirectWithFlash(req, res, '/reports-new', 'Isian belum lengkap atau tidak sah; periksa lagi.');
    // A desk reference, not a chat: nobody can later find or reach this reporter through a channel.
    const stored = await storeReport({ cipher: deps.cipher, hasher }, report.data, { channel: form.channel, chatId: `desk:${randomUUID()}` }, { actor: req.user!.id });
    await recordAuditEvent(actorOf(req), { action: 'report.register', subjectType: 'report', subjectId: stored.id, details: { ticket: stored.ticket, channel: form.channel } });
    // Same triage as chat; without the queue here the worker's sweeper picks the report up from `received`.
    if (deps.queues?.reports) await enqueue(deps.queues, 'triage', { reportId: stored.id });
    redirectWithFlash(req, res, `/reports/${stored.id}`, `Pengaduan tercatat dengan tiket ${stored.ticket}. Sampaikan tiket ini kepada pelapor.`);
  });
}
