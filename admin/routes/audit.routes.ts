import type { Express } from 'express';
import { z } from 'zod';
import { listAuditEvents } from '../../src/audit/list-audit-events';
import { auditDetailPairs, PERSON_KEYS } from '../../src/labels/audit-details';
import { displayNamesOf } from '../../src/users/staff-directory';
import { ID_LABELS } from '../../src/labels/id';
import { labelOf } from '../../src/labels/labels';
import { allow } from '../middleware/current-user';

const blank = (v: unknown) => (v === '' ? undefined : v);
const word = z.preprocess(blank, z.string().regex(/^[a-z0-9._-]{1,60}$/i).optional());
const day = z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional());
export const AuditQuery = z.object({ actor: word, action: word, subjectType: word, subjectId: word, from: day, to: day });

export function registerAuditRoutes(app: Express): void {
  app.get('/audit', allow('audit.view'), async (req, res) => {
    const parsed = AuditQuery.safeParse(req.query);
    const q = parsed.success ? parsed.data : {};
    const events = await listAuditEvents({
      actorId: q.actor,
      action: q.action,
      subjectType: q.subjectType,
      subjectId: q.subjectId,
      from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
      to: q.to ? new Date(`${q.to}T23:59:59Z`) : undefined,
    });
    const people = events.flatMap((e) => PERSON_KEYS.map((k) => (e.details as Record<string, unknown> | undefined)?.[k] as string | undefined));
    const names = await displayNamesOf(people);
    res.render('audit.njk', {
      title: res.locals.t('audit_log'),
      // Referrals and terminasi keep the authorisation kind as the reason: shown as its words.
      events: events.map((e) => ({ ...e, reason: e.reason ? labelOf(res.locals.lang, 'authorisation', e.reason) : e.reason, detailPairs: auditDetailPairs(res.locals.lang, e.action, e.details, names) })),
      q,
      // The filters offer what the log can hold, as words.
      actions: Object.keys(ID_LABELS.audit_action),
      subjectTypes: Object.keys(ID_LABELS.subject_type),
    });
  });
}
