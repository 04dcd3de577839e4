// The words of docs/domain.md ("A report's life", "Categories", "Priorities and SLAs") as data, shared by every module.

export const REPORT_STATUSES = [
  'received', 'triaged', 'queued', 'claimed', 'case_opened', 'referred_out', 'merged', 'rejected',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const PROTECTION_CATEGORIES = [
  'kekerasan_fisik', 'kekerasan_psikis', 'kekerasan_seksual', 'eksploitasi_ekonomi', 'eksploitasi_seksual',
  'perdagangan_orang', 'penelantaran', 'perlakuan_salah', 'perundungan', 'perkawinan_anak',
] as const;
export const WELFARE_CATEGORIES = [
  'kesehatan', 'pendidikan', 'kesejahteraan_sosial', 'dokumen_kependudukan', 'lainnya',
] as const;
export const CATEGORIES = [...PROTECTION_CATEGORIES, ...WELFARE_CATEGORIES] as const;
export type Category = (typeof CATEGORIES)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];
/** SLA per priority, in hours (docs/domain.md "Priorities and SLAs"). */
export const SLA_HOURS: Record<Priority, number> = { P1: 1, P2: 24, P3: 72, P4: 168 };

export const CHANNELS = ['telegram', 'whatsapp', 'whatsapp_cloud', 'webchat', 'walk_in', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

export const REPORTER_ROLES = [
  'child_self', 'parent_guardian', 'relative', 'neighbour_community', 'teacher_school', 'health_worker', 'other',
] as const;
export type ReporterRole = (typeof REPORTER_ROLES)[number];

/** Age bands as SIMFONI-PPA counts them; an adult victim is referred elsewhere. */
export const AGE_BANDS = ['0-5', '6-12', '13-17', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const SEXES = ['perempuan', 'laki_laki', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const PERPETRATOR_RELATIONS = [
  'orang_tua', 'keluarga', 'pacar_teman', 'tetangga', 'guru', 'majikan', 'orang_tak_dikenal', 'lainnya', 'not_said',
] as const;
export type PerpetratorRelation = (typeof PERPETRATOR_RELATIONS)[number];

export const PLACE_TYPES = [
  'rumah_tangga', 'sekolah', 'fasilitas_umum', 'tempat_kerja', 'media_sosial_daring', 'lainnya',
] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

export const CONTACT_METHODS = ['same_chat', 'other_number', 'none'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const DANGER_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type DangerAnswer = (typeof DANGER_ANSWERS)[number];

export function ageBandOf(age: number): AgeBand | 'adult' {
  if (!Number.isFinite(age) || age < 0) return 'unknown';
  if (age <= 5) return '0-5';
  if (age <= 12) return '6-12';
  if (age <= 17) return '13-17';
  return 'adult';
}
