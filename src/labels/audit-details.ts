import { labelOf, type LabelKind, type LabelLang } from './labels';

// An audit event's details (a small JSON object) as "word: value" pairs a Koordinator can read.
// Codes inside are shown through the label tables; ids stay ids (they are what a follow-up search needs).

const KEY_WORDS: Record<LabelLang, Record<string, string>> = {
  id: {
    ticket: 'Tiket', caseNumber: 'Nomor kasus', fields: 'Data', to: 'Menjadi', from: 'Dari', partner: 'Lembaga', status: 'Status',
    index: 'Media ke', referralId: 'Rujukan', caseManagerId: 'Pekerja Sosial', assessorId: 'Petugas Asesmen', username: 'Akun',
    role: 'Peran', name: 'Nama', days: 'Hari', until: 'Sampai', kind: 'Jenis',
  },
  en: {
    ticket: 'Ticket', caseNumber: 'Case number', fields: 'Data', to: 'To', from: 'From', partner: 'Partner', status: 'Status',
    index: 'Media no.', referralId: 'Referral', caseManagerId: 'Social worker', assessorId: 'Assessor', username: 'Account',
    role: 'Role', name: 'Name', days: 'Days', until: 'Until', kind: 'Kind',
  },
};

const FIELD_WORDS: Record<LabelLang, Record<string, string>> = {
  id: { assessment: 'asesmen', servicePlan: 'rencana layanan', reporterName: 'nama pelapor', contactPhone: 'telepon', description: 'uraian', childName: 'nama anak', desa: 'desa', exactLocation: 'lokasi tepat', occurredWhen: 'waktu kejadian' },
  en: { assessment: 'assessment', servicePlan: 'service plan', reporterName: "reporter's name", contactPhone: 'phone', description: 'description', childName: "child's name", desa: 'village', exactLocation: 'exact location', occurredWhen: 'when it happened' },
};

/** Which label table a detail's value is read with, by the event's action. */
function kindFor(action: string, key: string): LabelKind | undefined {
  if (key === 'role') return 'role';
  if (key === 'kind' && action === 'case.monitoring') return 'monitoring';
  if (key === 'status') return 'referral_status';
  if (key === 'to' || key === 'from') return action.startsWith('case.') ? 'stage' : 'status';
  return undefined;
}

/** Detail keys that hold a staff member's id: shown as the name when it is known. */
export const PERSON_KEYS = ['caseManagerId', 'assessorId'] as const;

export function auditDetailPairs(lang: LabelLang, action: string, details: unknown, names: ReadonlyMap<string, string> = new Map()): { key: string; value: string }[] {
  if (!details || typeof details !== 'object') return [];
  return Object.entries(details as Record<string, unknown>).map(([key, value]) => {
    const kind = kindFor(action, key);
    const shown = Array.isArray(value)
      ? value.map((v) => FIELD_WORDS[lang][String(v)] ?? String(v)).join(', ')
      : kind ? labelOf(lang, kind, value)
        : (PERSON_KEYS as readonly string[]).includes(key) && names.has(String(value)) ? names.get(String(value))!
          : typeof value === 'object' ? JSON.stringify(value) : String(value);
    return { key: KEY_WORDS[lang][key] ?? key, value: shown };
  });
}
