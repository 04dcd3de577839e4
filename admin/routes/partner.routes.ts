import type { Express } from 'express';
import { z } from 'zod';
import { recordAuditEvent } from '../../src/audit/record-audit-event';
import { changePartner } from '../../src/cases/change-partner';
import { PARTNER_KINDS } from '../../src/cases/case-vocabulary';
import { PartnerModel } from '../../src/db/models/partner.model';
import { actorOf, allow } from '../middleware/current-user';
import { can } from '../permissions';
import { parseBody, redirectWithFlash, requireObjectIdParam } from './route-helpers';

const optionalText = (max: number) => z.string().trim().max(max).optional();
export const PartnerBody = z.object({
  name: z.string().trim().min(2).max(200),
  kind: z.enum(PARTNER_KINDS),
  contactPerson: optionalText(200),
  phone: optionalText(40),
  address: optionalText(300),
  services: optionalText(1000),
});

const CONTESTED = 'Lembaga ini sedang diubah orang lain; muat ulang dan coba lagi.';

// Jejaring Lembaga Penyedia Layanan: a directory of organisations (no personal data of children).
export function registerPartnerRoutes(app: Express): void {
  const id = requireObjectIdParam('id');

  app.get('/partners', allow('partner.view'), async (req, res) => {
    res.render('partners.njk', {
      title: res.locals.t('partners'),
      partners: await PartnerModel.find({ active: true }).sort({ name: 1 }).lean(),
      kinds: PARTNER_KINDS,
      canManage: can(req.user!.role, 'partner.manage'),
    });
  });

  app.post('/partners', allow('partner.manage'), async (req, res) => {
    const form = parseBody(PartnerBody, req.body);
    if (!form) return redirectWithFlash(req, res, '/partners', 'Isian lembaga tidak lengkap.');
    const partner = await PartnerModel.create(form);
    await recordAuditEvent(actorOf(req), { action: 'partner.create', subjectType: 'partner', subjectId: partner.id, details: { name: partner.name } });
    redirectWithFlash(req, res, '/partners', `${partner.name} ditambahkan.`);
  });

  app.post('/partners/:id', allow('partner.manage'), id, async (req, res) => {
    const form = parseBody(PartnerBody, req.body);
    if (!form) return redirectWithFlash(req, res, '/partners', 'Isian lembaga tidak lengkap.');
    const partner = await changePartner(String(req.params.id), { $set: form });
    if (partner === 'missing') return res.status(404).render('error.njk', { title: res.locals.t('not_found') });
    if (partner === 'contested') return redirectWithFlash(req, res, '/partners', CONTESTED);
    await recordAuditEvent(actorOf(req), { action: 'partner.update', subjectType: 'partner', subjectId: partner.id });
    redirectWithFlash(req, res, '/partners', `${partner.name} diperbarui.`);
  });

  // Partners are deactivated, not deleted: old referrals keep pointing at them.
  app.post('/partners/:id/deactivate', allow('partner.manage'), id, async (req, res) => {
    const partner = await changePartner(String(req.params.id), { $set: { active: false } });
    if (partner === 'missing') return res.status(404).render('error.njk', { title: res.locals.t('not_found') });
    if (partner === 'contested') return redirectWithFlash(req, res, '/partners', CONTESTED);
    await recordAuditEvent(actorOf(req), { action: 'partner.deactivate', subjectType: 'partner', subjectId: partner.id });
    redirectWithFlash(req, res, '/partners', `${partner.name} dinonaktifkan.`);
  });
}
