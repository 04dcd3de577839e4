import { recordAuditEvent, type Actor } from '../audit/record-audit-event';
import { UserModel, type UserDocument } from '../db/models/user.model';
import { changeUser, nextSessionVersion } from './change-user';
import { UserError } from './user-error';
import type { StaffRole } from './roles';

// Separation of duties: an administrator keeps accounts but sees no case content, so an administrator alone must not
// be able to give anyone (themself included, through a second account) a role that reads reports and cases. Such a
// grant waits, the account inactive, until a Koordinator approves it; nobody approves a grant they asked for.
// Every request, approval and refusal is an audit event.

/** Roles that see no report or case content: an administrator grants these alone. */
const ROLES_WITHOUT_DATA: readonly StaffRole[] = ['admin'];

export function needsApproval(role: string): boolean {
  return !(ROLES_WITHOUT_DATA as readonly string[]).includes(role);
}

/** Puts the account on hold for a Koordinator: inactive (its sessions end), with the grant waiting beside it. */
export async function requestGrant(userId: string, role: StaffRole, actor: Actor): Promise<UserDocument> {
  const user = await changeUser(userId, (current) => ({
    $set: { active: false, pendingGrant: { role, by: actor.id, byName: actor.name, at: new Date() }, sessionVersion: nextSessionVersion(current) },
  }));
  if (!user) throw new UserError('pengguna tidak ditemukan');
  await recordAuditEvent(actor, { action: 'user.grant_requested', subjectType: 'user', subjectId: user.id, details: { role } });
  return user;
}

export function listPendingGrants() {
  return UserModel.find({ pendingGrant: { $exists: true } }, { username: 1, displayName: 1, pendingGrant: 1 }).sort({ 'pendingGrant.at': 1 }).lean();
}

async function pendingOf(userId: string, approver: Actor): Promise<UserDocument & { pendingGrant: NonNullable<UserDocument['pendingGrant']> }> {
  const user = await UserModel.findById(userId);
  if (!user?.pendingGrant) throw new UserError('tidak ada pemberian peran yang menunggu untuk pengguna ini');
  if (user.pendingGrant.by === approver.id || user.id === approver.id) throw new UserError('pemberian peran tidak dapat disetujui oleh pemintanya sendiri');
  return user as UserDocument & { pendingGrant: NonNullable<UserDocument['pendingGrant']> };
}

/** The Koordinator's approval: the account becomes active with the role that was asked for. */
export async function approveGrant(userId: string, approver: Actor): Promise<UserDocument> {
  const user = await pendingOf(userId, approver);
  const { role, by } = user.pendingGrant;
  const approved = await changeUser(user.id, (current) => {
    if (current.pendingGrant?.by !== by || current.pendingGrant.role !== role) throw new UserError('pemberian peran baru saja berubah; muat ulang');
    return { $set: { role, active: true }, $unset: { pendingGrant: 1 } };
  });
  if (!approved) throw new UserError('pengguna tidak ditemukan');
  await recordAuditEvent(approver, { action: 'user.grant_approved', subjectType: 'user', subjectId: user.id, details: { role, requestedBy: by } });
  return approved;
}

/** A refusal: the grant is dropped and the account stays inactive. */
export async function refuseGrant(userId: string, approver: Actor, reason: string): Promise<void> {
  const user = await pendingOf(userId, approver);
  await changeUser(user.id, () => ({ $unset: { pendingGrant: 1 } }));
  await recordAuditEvent(approver, { action: 'user.grant_refused', subjectType: 'user', subjectId: user.id, reason, details: { role: user.pendingGrant.role, requestedBy: user.pendingGrant.by } });
}
