import type { Express } from 'express';
import { z } from 'zod';
import { UserError } from '../../src/users/manage-users';
import { approveGrant, listPendingGrants, refuseGrant } from '../../src/users/role-grants';
import { actorOf, allow } from '../middleware/current-user';
import { parseBody, redirectWithFlash, requireObjectIdParam } from './route-helpers';

const Refusal = z.object({ reason: z.string().trim().min(3).max(500) });

/** The Koordinator's list of roles an administrator granted, each approved or refused here (src/users/role-grants.ts). */
export function registerGrantRoutes(app: Express): void {
  const id = requireObjectIdParam('id');

  app.get('/grants', allow('user.approve'), async (_req, res) => {
    res.render('grants.njk', { title: 'Persetujuan peran', grants: (await listPendingGrants()).map((u) => ({ ...u, id: String(u._id) })) });
  });

  app.post('/grants/:id/approve', allow('user.approve'), id, async (req, res) => {
    try {
      const user = await approveGrant(String(req.params.id), actorOf(req));
      redirectWithFlash(req, res, '/grants', `${user.username}: peran ${user.role} disetujui.`);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      redirectWithFlash(req, res, '/grants', err.message);
    }
  });

  app.post('/grants/:id/refuse', allow('user.approve'), id, async (req, res) => {
    const form = parseBody(Refusal, req.body);
    if (!form) return redirectWithFlash(req, res, '/grants', 'Tuliskan alasan penolakan (minimal 3 huruf).');
    try {
      await refuseGrant(String(req.params.id), actorOf(req), form.reason);
      redirectWithFlash(req, res, '/grants', 'Pemberian peran ditolak; akun tetap nonaktif.');
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      redirectWithFlash(req, res, '/grants', err.message);
    }
  });
}
