// The staff roles of docs/domain.md ("Roles"); `reporter` is not a staff account, so it is not here.
export const STAFF_ROLES = [
  'penerima_pengaduan',
  'petugas_input_data',
  'kepala_seksi_data',
  'petugas_assesmen',
  'pekerja_sosial',
  'petugas_on_call',
  'kepala_seksi_pelayanan',
  'koordinator',
  'admin',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}
