import type { ReportAction } from '../src/reports/report-lifecycle';
import type { StaffRole } from '../src/users/roles';

// Who may do what, from the role table of docs/domain.md, in one place. Every route names one action; the
// `allow(action)` middleware enforces it. Case actions are further limited to the user's own cases unless the
// role also has `case.any` (supervisors).
const INTAKE_DESK: StaffRole[] = ['penerima_pengaduan', 'kepala_seksi_data'];
const DATA_SECTION: StaffRole[] = ['penerima_pengaduan', 'petugas_input_data', 'kepala_seksi_data'];
const SUPERVISORS: StaffRole[] = ['kepala_seksi_pelayanan', 'koordinator'];
const CASE_WORKERS: StaffRole[] = ['pekerja_sosial', 'petugas_assesmen', 'kepala_seksi_pelayanan'];

export const PERMISSIONS = {
  'intake.view': [...DATA_SECTION, 'petugas_on_call', ...SUPERVISORS],
  'report.view': [...DATA_SECTION, 'petugas_on_call', ...SUPERVISORS],
  // The case manager and assessor read the reports of their own cases (and only those: checked per report).
  'report.view_own_case': ['pekerja_sosial', 'petugas_assesmen'],
  'report.reveal': [...INTAKE_DESK, 'petugas_on_call', ...SUPERVISORS],
  'report.claim': [...INTAKE_DESK, 'petugas_on_call'],
  'report.reject': INTAKE_DESK,
  'report.register': INTAKE_DESK,
  'report.merge': DATA_SECTION,
  'report.refer_out': INTAKE_DESK,
  'report.open_case': [...INTAKE_DESK, 'kepala_seksi_pelayanan'],
  'report.reply': [...INTAKE_DESK, 'petugas_on_call'],
  'sender.block': [...INTAKE_DESK, 'koordinator'],
  'report.media': [...INTAKE_DESK, 'petugas_on_call', ...SUPERVISORS],
  'case.list': [...CASE_WORKERS, 'koordinator'],
  'case.view': [...CASE_WORKERS, 'koordinator'],
  'case.work': CASE_WORKERS,
  'case.any': SUPERVISORS,
  'case.assign': ['kepala_seksi_pelayanan'],
  // Terminasi asked for by a case worker is approved by the Kepala Seksi Pelayanan (docs/domain.md "Roles").
  'case.approve': ['kepala_seksi_pelayanan'],
  'partner.view': [...CASE_WORKERS, ...INTAKE_DESK, 'koordinator', 'admin'],
  'partner.manage': ['kepala_seksi_pelayanan', 'koordinator', 'admin'],
  'report.stats': ['petugas_input_data', 'kepala_seksi_data', ...SUPERVISORS],
  'report.export': ['petugas_input_data', 'kepala_seksi_data', 'koordinator'],
  'audit.view': ['koordinator'],
  'oncall.view': [...DATA_SECTION, 'petugas_on_call', ...SUPERVISORS],
  'oncall.manage': ['kepala_seksi_data', 'koordinator'],
  'alert.ack': ['petugas_on_call', 'kepala_seksi_data', 'koordinator', 'penerima_pengaduan'],
  // The list on /alerts: no personal data, only tickets, priorities and who acknowledged.
  'alert.view': ['petugas_on_call', 'kepala_seksi_data', 'koordinator', 'penerima_pengaduan'],
  // The escalation chain (ESCALATION_ROLES) sees an alert nobody on call received on every page until it is acknowledged.
  'alert.banner': ['petugas_on_call', 'kepala_seksi_data', 'koordinator'],
  'retention.view': ['koordinator'],
  'queue.ops': ['koordinator', 'admin'],
  'user.manage': ['admin'],
  // Separation of duties: roles with data access granted by an administrator wait for a Koordinator.
  'user.approve': ['koordinator'],
  'whatsapp.login': ['admin'],
  'account.self': [
    'penerima_pengaduan', 'petugas_input_data', 'kepala_seksi_data', 'petugas_assesmen', 'pekerja_sosial',
    'petugas_on_call', 'kepala_seksi_pelayanan', 'koordinator', 'admin',
  ],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(role: string, action: Action): boolean {
  return (PERMISSIONS[action] as readonly string[]).includes(role);
}

/** Which permission each step of the report lifecycle (src/reports/report-lifecycle.ts) needs: route and button alike. */
export const REPORT_ACTION_PERMISSION: Record<ReportAction, Action> = {
  claim: 'report.claim',
  release: 'report.claim',
  open_case: 'report.open_case',
  attach_case: 'report.open_case',
  refer_out: 'report.refer_out',
  reject: 'report.reject',
  merge: 'report.merge',
};
