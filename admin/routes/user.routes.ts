import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import { z } from 'zod';
import { recordAuditEvent } from '../../src/audit/record-audit-event';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { UserModel } from '../../src/db/models/user.model';
import { changeUser, nextSessionVersion } from '../../src/users/change-user';
import { createUser, setPassword, UserError } from '../../src/users/manage-users';
import { needsApproval, requestGrant } from '../../src/users/role-grants';
import { STAFF_ROLES } from '../../src/users/roles';
import type { RouteDeps } from '../create-admin-app';
import { actorOf, allow } from '../middleware/current-user';
import { parseBody, redirectWithFlash, requireObjectIdParam } from './route-helpers';

const NewUser = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,40}$/),
  displayName: z.string().trim().min(2).max(100),
  role: z.enum(STAFF_ROLES),
});
const Contact = z.object({
  telegramChatId: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^-?\d{3,20}$/).optional()),
  whatsappNumber: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\+?\d{8,16}$/).optional()),
});

/** A temporary password, shown once to the administrator; the user must change it at first sign-in. */
const temporaryPassword = () => randomBytes(12).toString('base64url');

export function registerUserRoutes(app: Express, deps: RouteDeps): void {
  const id = requireObjectIdParam('id');

  app.get('/users', allow('user.manage'), async (_req, res) => {
    const users = await UserModel.find({}, { passwordHash: 0, telegramChatId: 0, whatsappNumber: 0 }).sort({ username: 1 }).lean();
    res.render('users.njk', { title: 'Pengguna', users, roles: STAFF_ROLES, now: new Date() });
  });

  app.post('/users', allow('user.manage'), async (req, res) => {
    const form = parseBody(NewUser, req.body);
    if (!form) return redirectWithFlash(req, res, '/users', 'Isian pengguna tidak sah.');
    const password = temporaryPassword();
    try {
      const user = await createUser({ ...form, password, mustChangePassword: true });
      await recordAuditEvent(actorOf(req), { action: 'user.create', subjectType: 'user', subjectId: user.id, details: { username: user.username, role: user.role } });
      const waits = needsApproval(user.role);
      if (waits) await requestGrant(user.id, form.role, actorOf(req));
      const status = waits ? ' Aktif setelah disetujui Koordinator.' : '';
      redirectWithFlash(req, res, '/users', `${user.username} dibuat.${status} Kata sandi sementara (sekali tampil): ${password}`);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      redirectWithFlash(req, res, '/users', err.message);
    }
  });

  app.post('/users/:id/reset', allow('user.manage'), id, async (req, res) => {
    const user = await UserModel.findById(req.params.id, { username: 1, role: 1 }).lean();
    if (!user) return res.status(404).render('error.njk', { title: res.locals.t('not_found') });
    const password = temporaryPassword();
    await setPassword(user.username, password, true);
    await recordAuditEvent(actorOf(req), { action: 'user.reset_password', subjectType: 'user', subjectId: String(user._id) });
    // The one-time password is shown to the administrator: with it, an account with data access would be theirs to
    // use. So the account waits for a Koordinator like any grant of that role (a reset of one's own is no way round).
    const waits = needsApproval(user.role);
    if (waits) await requestGrant(String(user._id), user.role, actorOf(req));
    const status = waits ? ' Aktif kembali setelah disetujui Koordinator.' : '';
    redirectWithFlash(req, res, '/users', `Kata sandi ${user.username} direset.${status} Sementara (sekali tampil): ${password}`);
  });

  app.post('/users/:id/active', allow('user.manage'), id, async (req, res) => {
    const active = parseBody(z.object({ active: z.enum(['yes', 'no']) }), req.body);
    if (!active) return redirectWithFlash(req, res, '/users', 'Isian tidak sah.');
    if (req.params.id === req.user!.id) return redirectWithFlash(req, res, '/users', 'Anda tidak dapat menonaktifkan akun sendiri.');
    const current = await UserModel.findById(req.params.id, { role: 1, username: 1 }).lean();
    if (!current) return res.status(404).render('error.njk', { title: res.locals.t('not_found') });
    // Turning an account with data access back on is a grant like any other: it waits for a Koordinator.
    if (active.active === 'yes' && needsApproval(current.role)) {
      await requestGrant(String(current._id), current.role, actorOf(req));
      return redirectWithFlash(req, res, '/users', `${current.username}: menunggu persetujuan Koordinator.`);
    }
    // Deactivation also ends every session of that user at once.
    const user = await changeUser(String(current._id), (latest) => ({
      $set: { active: active.active === 'yes', sessionVersion: nextSessionVersion(latest) },
      $unset: { pendingGrant: 1 },
    })).catch((err: unknown) => (err instanceof UserError ? err : Promise.reject(err)));
    if (user instanceof UserError) return redirectWithFlash(req, res, '/users', user.message);
    if (!user) return res.status(404).render('error.njk', { title: res.locals.t('not_found') });
    await recordAuditEvent(actorOf(req), { action: user.active ? 'user.activate' : 'user.deactivate', subjectType: 'user', subjectId: user.id });
    redirectWithFlash(req, res, '/users', `${user.username}: ${user.active ? 'aktif' : 'nonaktif'}.`);
  });

  // Where the staff member's own case alerts go (stored encrypted; the worker's alert sender reads it).
  app.post('/account/contact', allow('account.self'), async (req, res) => {
    const form = parseBody(Contact, req.body);
    if (!form) return redirectWithFlash(req, res, '/password', 'Nomor tidak sah.');
    const set: Record<string, string> = {};
    const unset: Record<string, 1> = {};
    if (form.telegramChatId) set.telegramChatId = deps.cipher.encrypt(form.telegramChatId, fieldOf(BOUND.users, req.user!.id, 'telegramChatId'));
    else unset.telegramChatId = 1;
    if (form.whatsappNumber) set.whatsappNumber = deps.cipher.encrypt(form.whatsappNumber, fieldOf(BOUND.users, req.user!.id, 'whatsappNumber'));
    else unset.whatsappNumber = 1;
    await changeUser(req.user!.id, () => ({ $set: set, $unset: unset }));
    await recordAuditEvent(actorOf(req), { action: 'user.contact_change', subjectType: 'user', subjectId: req.user!.id, details: { telegram: Boolean(form.telegramChatId), whatsapp: Boolean(form.whatsappNumber) } });
    redirectWithFlash(req, res, '/password', 'Kontak notifikasi disimpan.');
  });
}
