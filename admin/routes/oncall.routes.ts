import type { Express } from 'express';
import { Types } from 'mongoose';
import { z } from 'zod';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { countOnCallNow } from '../../src/alerts/on-call-now';
import { recordAuditEvent } from '../../src/audit/record-audit-event';
import { AlertModel } from '../../src/db/models/alert.model';
import { ALERT_CHANNELS, ALERT_ROLES, OnCallShiftModel } from '../../src/db/models/on-call-shift.model';
import { UserModel } from '../../src/db/models/user.model';
import type { RouteDeps } from '../create-admin-app';
import { actorOf, allow } from '../middleware/current-user';
import { acknowledgeAudited, type Acknowledgement } from './alert.routes';
import { isObjectId, parseBody, redirectWithFlash, requireObjectIdParam } from './route-helpers';

const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
const ShiftForm = z.object({
  userId: z.string().regex(/^[a-f0-9]{24}$/),
  role: z.enum(ALERT_ROLES),
  from: dateTime,
  to: dateTime,
  channel: z.enum(ALERT_CHANNELS),
  address: z.string().trim().regex(/^(-?\d{3,20}|\+?\d{8,16})$/),
});

/** "2026-11-23T08:00" typed in the district's local time (WIB, UTC+7) to a Date. */
const localToDate = (value: string) => new Date(`${value}:00+07:00`);

export function registerOnCallRoutes(app: Express, deps: RouteDeps): void {
  const id = requireObjectIdParam('id');

  app.get('/oncall', allow('oncall.view'), async (_req, res) => {
    const now = new Date();
    const shifts = await OnCallShiftModel.find({ to: { $gt: now } }, { address: 0 }).sort({ from: 1 }).limit(200).lean();
    const users = await UserModel.find({ active: true, role: { $in: [...ALERT_ROLES] } }, { username: 1, displayName: 1, role: 1 }).lean();
    const names = new Map(users.map((u) => [String(u._id), u.displayName]));
    // Said before any alert finds it out: a danger report raised now reaches nobody at these levels.
    const onCallNow = await countOnCallNow(now);
    res.render('oncall.njk', {
      title: res.locals.t('oncall_roster'),
      uncovered: ALERT_ROLES.filter((role) => onCallNow[role] === 0),
      shifts: shifts.map((s) => ({ ...s, id: String(s._id), name: names.get(s.userId) ?? s.userId, current: s.from <= now })),
      users: users.map((u) => ({ ...u, id: String(u._id) })),
      roles: ALERT_ROLES,
      channels: ALERT_CHANNELS,
    });
  });

  app.post('/oncall', allow('oncall.manage'), async (req, res) => {
    const form = parseBody(ShiftForm, req.body);
    if (!form) return redirectWithFlash(req, res, '/oncall', 'Isian jadwal tidak sah.');
    const [from, to] = [localToDate(form.from), localToDate(form.to)];
    if (!(to > from)) return redirectWithFlash(req, res, '/oncall', 'Akhir jadwal harus setelah awalnya.');
    const user = await UserModel.findOne({ _id: form.userId, active: true }, { username: 1 }).lean();
    if (!user) return redirectWithFlash(req, res, '/oncall', 'Petugas tidak ditemukan.');
    const _id = new Types.ObjectId();
    const address = deps.cipher.encrypt(form.address, fieldOf(BOUND.onCallShifts, _id, 'address'));
    const shift = await OnCallShiftModel.create({ _id, userId: form.userId, role: form.role, from, to, channel: form.channel, address });
    await recordAuditEvent(actorOf(req), { action: 'oncall.add', subjectType: 'user', subjectId: form.userId, details: { shiftId: shift.id, role: form.role } });
    redirectWithFlash(req, res, '/oncall', `Jadwal ${user.username} disimpan.`);
  });

  app.post('/oncall/:id/delete', allow('oncall.manage'), id, async (req, res) => {
    const removed = await OnCallShiftModel.findOneAndDelete({ _id: req.params.id });
    if (removed) await recordAuditEvent(actorOf(req), { action: 'oncall.remove', subjectType: 'user', subjectId: removed.userId, details: { shiftId: String(removed._id) } });
    redirectWithFlash(req, res, '/oncall', removed ? 'Jadwal dihapus.' : 'Jadwal tidak ditemukan.');
  });
}

/**
 * `?ack=<alertId>` on a report link from an alert: acknowledged once the user is signed in and opens the report.
 * Answers with the acknowledgement to confirm on screen (this user's, or whoever was first).
 */
export async function acknowledgeFromLink(ack: unknown, actor: { id: string; name: string; role: string }, reportId: string): Promise<Acknowledgement | null> {
  if (!isObjectId(ack)) return null;
  const alert = await AlertModel.findOne({ _id: ack, reportId }, { _id: 1 }).lean();
  if (!alert) return null;
  return acknowledgeAudited(ack, actor, { subjectType: 'report', subjectId: reportId });
}
