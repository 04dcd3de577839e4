import { recordAuditEvent, type Actor } from '../audit/record-audit-event';
import { Types } from 'mongoose';
import { BOUND, elementField, fieldOf } from '../crypto/encrypted-fields';
import type { FieldBinding, FieldCipher } from '../crypto/field-cipher';
import { CaseModel, type CaseDocument } from '../db/models/case.model';
import { PartnerModel } from '../db/models/partner.model';
import { UserModel } from '../db/models/user.model';
import { labelOf } from '../labels/labels';
import { CaseError } from './case-error';
import { changeCase, changeOpenCase } from './change-case';
import type { AuthorisationKind, MonitoringKind, ReferralStatus } from './case-vocabulary';

const SUPERVISOR_ROLES = new Set(['kepala_seksi_pelayanan', 'kepala_seksi_data', 'koordinator']);

export interface Authorisation {
  kind: AuthorisationKind;
  note: string;
}

/** Consent is recorded by anyone working the case; a supervisor's approval only by a Kepala Seksi themself. */
export function checkAuthorisation(actor: Actor, auth: Authorisation, cipher: FieldCipher, binding: FieldBinding) {
  if (auth.kind === 'supervisor_approval' && !SUPERVISOR_ROLES.has(actor.role)) {
    throw new CaseError('invalid', 'persetujuan Kepala Seksi hanya dapat dicatat oleh Kepala Seksi');
  }
  if (auth.note.trim().length < 3) throw new CaseError('invalid', 'catat siapa yang memberi persetujuan dan bagaimana');
  return { kind: auth.kind, by: actor.id, note: cipher.encrypt(auth.note, binding), at: new Date() };
}

function timeline(type: string, summary: string, actor: Actor) {
  return { type, summary, actor: actor.id, at: new Date() };
}

const ASSIGNABLE = { caseManagerId: 'pekerja_sosial', assessorId: 'petugas_assesmen' } as const;

/** Sets (or reassigns) the case manager or the assessor; each must be an active user of the matching role. */
export async function assignCaseStaff(
  caseId: string,
  field: keyof typeof ASSIGNABLE,
  userId: string,
  actor: Actor,
  reason?: string,
): Promise<CaseDocument> {
  const user = await UserModel.findOne({ _id: userId, active: true, role: ASSIGNABLE[field] }, { username: 1, displayName: 1 }).lean().catch(() => null);
  if (!user) throw new CaseError('invalid', `pilih pengguna aktif dengan peran ${labelOf('id', 'role', ASSIGNABLE[field])}`);
  const updated = await changeOpenCase(caseId, {
    $set: { [field]: userId },
    $push: { timeline: timeline('assigned', `${labelOf('id', 'role', ASSIGNABLE[field])}: ${user.displayName} (${user.username})`, actor) },
  });
  await recordAuditEvent(actor, { action: 'case.assign', subjectType: 'case', subjectId: caseId, reason, details: { [field]: userId } });
  return updated;
}

export async function addReferral(
  caseId: string,
  input: { partnerId: string; reason: string; authorisation: Authorisation },
  actor: Actor,
  cipher: FieldCipher,
): Promise<CaseDocument> {
  const partner = await PartnerModel.findOne({ _id: input.partnerId, active: true }).lean();
  if (!partner) throw new CaseError('invalid', 'lembaga mitra tidak ditemukan');
  // The referral's id is chosen here so its encrypted fields can be bound to it (fieldOf).
  const _id = new Types.ObjectId();
  const bind = (path: string) => fieldOf(BOUND.cases, caseId, elementField('referrals', _id, path));
  const authorisation = checkAuthorisation(actor, input.authorisation, cipher, bind('authorisation.note'));
  const updated = await changeOpenCase(caseId, {
    $push: {
      referrals: { _id, partnerId: partner._id, partnerName: partner.name, reason: cipher.encrypt(input.reason, bind('reason')), status: 'sent', authorisation, by: actor.id },
      timeline: timeline('referral', `rujukan ke ${partner.name}`, actor),
    },
  });
  await recordAuditEvent(actor, { action: 'case.referral', subjectType: 'case', subjectId: caseId, reason: input.authorisation.kind, details: { partner: partner.name } });
  return updated;
}

export async function updateReferralStatus(caseId: string, referralId: string, status: ReferralStatus, actor: Actor) {
  // FerretDB has no positional `$` operator: address the referral by its index in the revision just read.
  const updated = await changeCase(caseId, (current) => {
    const index = current.referrals.findIndex((r) => String(r._id) === referralId);
    if (index < 0) throw new CaseError('not_found', 'rujukan tidak ditemukan');
    return {
      $set: { [`referrals.${index}.status`]: status, [`referrals.${index}.updatedAt`]: new Date() },
      $push: { timeline: timeline('referral', `rujukan ke ${current.referrals[index]!.partnerName}: ${labelOf('id', 'referral_status', status).toLowerCase()}`, actor) },
    };
  });
  await recordAuditEvent(actor, { action: 'case.referral_status', subjectType: 'case', subjectId: caseId, details: { referralId, status } });
  return updated;
}

export async function addConferenceNote(caseId: string, input: { text: string; attendees?: string }, actor: Actor, cipher: FieldCipher) {
  const _id = new Types.ObjectId();
  const bind = (path: string) => fieldOf(BOUND.cases, caseId, elementField('conferenceNotes', _id, path));
  const updated = await changeOpenCase(caseId, {
    $push: {
      conferenceNotes: {
        _id, text: cipher.encrypt(input.text, bind('text')), attendees: input.attendees ? cipher.encrypt(input.attendees, bind('attendees')) : undefined, by: actor.id,
      },
      timeline: timeline('note', 'catatan konferensi kasus', actor),
    },
  });
  await recordAuditEvent(actor, { action: 'case.note', subjectType: 'case', subjectId: caseId, details: { caseNumber: updated.caseNumber } });
  return updated;
}

export async function addMonitoringEntry(
  caseId: string,
  input: { kind: MonitoringKind; note: string; nextDueAt?: Date },
  actor: Actor,
  cipher: FieldCipher,
) {
  const _id = new Types.ObjectId();
  const updated = await changeOpenCase(caseId, {
    $push: {
      monitoring: { _id, kind: input.kind, note: cipher.encrypt(input.note, fieldOf(BOUND.cases, caseId, elementField('monitoring', _id, 'note'))), nextDueAt: input.nextDueAt, by: actor.id },
      timeline: timeline('monitoring', `pemantauan: ${labelOf('id', 'monitoring', input.kind).toLowerCase()}`, actor),
    },
  });
  await recordAuditEvent(actor, { action: 'case.monitoring', subjectType: 'case', subjectId: caseId, details: { caseNumber: updated.caseNumber, kind: input.kind } });
  return updated;
}

/** The assessment (Pasal 11(4)) and the service plan: free text, encrypted, each change on the timeline. */
export async function updateCasePlan(caseId: string, input: { assessment?: string; servicePlan?: string }, actor: Actor, cipher: FieldCipher) {
  const set: Record<string, string> = {};
  if (input.assessment) set.assessment = cipher.encrypt(input.assessment, fieldOf(BOUND.cases, caseId, 'assessment'));
  if (input.servicePlan) set.servicePlan = cipher.encrypt(input.servicePlan, fieldOf(BOUND.cases, caseId, 'servicePlan'));
  if (!Object.keys(set).length) throw new CaseError('invalid', 'isi asesmen atau rencana layanan');
  const what = Object.keys(set).map((k) => (k === 'assessment' ? 'asesmen' : 'rencana layanan')).join(' dan ');
  const updated = await changeOpenCase(caseId, { $set: set, $push: { timeline: timeline('plan', `${what} diperbarui`, actor) } });
  await recordAuditEvent(actor, { action: 'case.plan', subjectType: 'case', subjectId: caseId, details: { caseNumber: updated.caseNumber, fields: Object.keys(set) } });
  return updated;
}
