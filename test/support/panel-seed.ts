import { addConferenceNote, addMonitoringEntry, addReferral, assignCaseStaff, updateCasePlan, updateReferralStatus } from '../../src/cases/case-work';
import { openCase } from '../../src/cases/open-case';
import { transitionCase } from '../../src/cases/transition-case';
import type { Actor } from '../../src/audit/record-audit-event';
import { OnCallShiftModel } from '../../src/db/models/on-call-shift.model';
import { PartnerModel } from '../../src/db/models/partner.model';
import { ReportModel } from '../../src/db/models/report.model';
import { claimReport } from '../../src/reports/claim-report';
import { personalFieldNames, recordReveal } from '../../src/reports/reveal-report';
import { createUser } from '../../src/users/manage-users';
import type { StaffRole } from '../../src/users/roles';
import { makeReport, testCipher } from '../factories/reports';
import { TEST_PASSWORD } from '../factories/users';

/** One account per role with a person's name and a plain username, as a district would have them. */
export const PEOPLE: Record<StaffRole, { username: string; displayName: string }> = {
  penerima_pengaduan: { username: 'rina', displayName: 'Rina Wulandari' },
  petugas_input_data: { username: 'dedi', displayName: 'Dedi Kurniawan' },
  kepala_seksi_data: { username: 'sari', displayName: 'Sari Handayani' },
  petugas_assesmen: { username: 'asih', displayName: 'Asih Rahayu' },
  pekerja_sosial: { username: 'budi', displayName: 'Budi Santoso' },
  petugas_on_call: { username: 'joko', displayName: 'Joko Prasetyo' },
  kepala_seksi_pelayanan: { username: 'kasi', displayName: 'Hendra Gunawan' },
  koordinator: { username: 'koor', displayName: 'Made Suartini' },
  admin: { username: 'sysadmin', displayName: 'Yusuf Admin' },
};

export interface PanelSeed {
  users: Record<StaffRole, string>;
  queued: string;
  claimed: string;
  caseReport: string;
  caseId: string;
  caseNumber: string;
}

/**
 * A panel with something on every page: a queued report flagged by the SLA watch, one held by the receptionist,
 * and one that became a case with staff, a referral, a note, monitoring and two stage changes, all through the
 * domain functions the panel itself calls (so timelines and audit events read as they do in production).
 */
export async function seedPanel(): Promise<PanelSeed> {
  const users = {} as Record<StaffRole, string>;
  for (const [role, p] of Object.entries(PEOPLE) as [StaffRole, { username: string; displayName: string }][]) {
    users[role] = (await createUser({ ...p, role, password: TEST_PASSWORD, mustChangePassword: false })).id;
  }
  const actor = (role: StaffRole): Actor => ({ id: users[role], name: PEOPLE[role].username, role });
  const partner = await PartnerModel.create({ name: 'Puskesmas Ipuh', kind: 'kesehatan', phone: '0737-123456' });
  await OnCallShiftModel.create({ userId: users.petugas_on_call, role: 'petugas_on_call', from: new Date(), to: new Date(Date.now() + 8 * 3600_000), channel: 'telegram', address: '700100' });

  const queued = await makeReport({ priority: 'P1', childName: 'Ayu Lestari' });
  await ReportModel.updateOne({ _id: queued._id }, { $set: { slaFlag: 'near' } });
  const claimed = await makeReport({ priority: 'P3', category: 'pendidikan' });
  await claimReport(claimed.id, actor('penerima_pengaduan'));

  const forCase = await makeReport({ priority: 'P2', category: 'kekerasan_fisik', childName: 'Dimas Saputra' });
  await claimReport(forCase.id, actor('penerima_pengaduan'));
  await recordReveal(forCase.id, forCase.ticket, personalFieldNames(forCase), actor('penerima_pengaduan'), 'verifikasi identitas');
  const opened = await openCase(forCase.id, actor('penerima_pengaduan'));
  const kasi = actor('kepala_seksi_pelayanan');
  await assignCaseStaff(opened.caseId, 'caseManagerId', users.pekerja_sosial, kasi);
  await assignCaseStaff(opened.caseId, 'assessorId', users.petugas_assesmen, kasi);
  const budi = actor('pekerja_sosial');
  await updateCasePlan(opened.caseId, { assessment: 'Anak tinggal bersama ibu.', servicePlan: 'Pendampingan psikososial.' }, budi, testCipher);
  const withReferral = await addReferral(opened.caseId, { partnerId: partner.id, reason: 'Visum', authorisation: { kind: 'consent', note: 'Ibu kandung, lisan' } }, budi, testCipher);
  await updateReferralStatus(opened.caseId, String(withReferral.referrals[0]!._id), 'accepted', budi);
  await addConferenceNote(opened.caseId, { text: 'Konferensi kasus pertama.', attendees: 'Puskesmas, Dinsos' }, budi, testCipher);
  await addMonitoringEntry(opened.caseId, { kind: 'legal', note: 'Laporan polisi dibuat.', nextDueAt: new Date(Date.now() + 7 * 86400_000) }, budi, testCipher);
  await transitionCase(opened.caseId, 'planning', budi, testCipher);
  await transitionCase(opened.caseId, 'in_service', budi, testCipher);
  return { users, queued: queued.id, claimed: claimed.id, caseReport: forCase.id, caseId: opened.caseId, caseNumber: opened.caseNumber };
}
