import { ReportModel } from '../db/models/report.model';
import { PROTECTION_CATEGORIES } from './report-vocabulary';
import type { Period } from './statistics';

// SIMFONI-PPA (the national system of KemenPPPA) counts violence against children by type, place, perpetrator
// relation, age band and sex. This maps our vocabulary onto those categories so figures need no retyping.
const JENIS: Record<string, string> = {
  kekerasan_fisik: 'Fisik', kekerasan_psikis: 'Psikis', kekerasan_seksual: 'Seksual', eksploitasi_ekonomi: 'Eksploitasi',
  eksploitasi_seksual: 'Eksploitasi', perdagangan_orang: 'Trafficking', penelantaran: 'Penelantaran', perlakuan_salah: 'Lainnya',
  perundungan: 'Psikis', perkawinan_anak: 'Lainnya',
};
const TEMPAT: Record<string, string> = {
  rumah_tangga: 'Rumah Tangga', sekolah: 'Sekolah', fasilitas_umum: 'Fasilitas Umum', tempat_kerja: 'Tempat Kerja',
  media_sosial_daring: 'Lainnya (daring)', lainnya: 'Lainnya',
};
const HUBUNGAN: Record<string, string> = {
  orang_tua: 'Orang Tua', keluarga: 'Keluarga/Saudara', pacar_teman: 'Pacar/Teman', tetangga: 'Tetangga', guru: 'Guru',
  majikan: 'Majikan', orang_tak_dikenal: 'Lainnya (tidak dikenal)', lainnya: 'Lainnya', not_said: 'Tidak diketahui',
};
const UMUR: Record<string, string> = { '0-5': '0-5 tahun', '6-12': '6-12 tahun', '13-17': '13-17 tahun', unknown: 'Tidak diketahui' };
const KELAMIN: Record<string, string> = { perempuan: 'Perempuan', laki_laki: 'Laki-laki', unknown: 'Tidak diketahui' };

export const SIMFONI_HEADER = ['tiket', 'tanggal_lapor', 'jenis_kekerasan', 'tempat_kejadian', 'hubungan_pelaku', 'kelompok_umur', 'jenis_kelamin', 'kecamatan'];

/** One row per protection report in the period (welfare questions are not violence cases). No personal data. */
export async function simfoniRows(period: Period): Promise<string[][]> {
  const reports = await ReportModel.find(
    { receivedAt: { $gte: period.from, $lt: period.to }, category: { $in: [...PROTECTION_CATEGORIES] }, status: { $nin: ['rejected', 'merged'] } },
    { ticket: 1, receivedAt: 1, category: 1, 'location.placeType': 1, 'location.kecamatan': 1, perpetratorRelation: 1, 'child.ageBand': 1, 'child.sex': 1 },
  ).sort({ receivedAt: 1 }).lean();
  return reports.map((r) => {
    const loc = (r as { location?: { placeType?: string; kecamatan?: string } }).location;
    const child = (r as { child?: { ageBand?: string; sex?: string } }).child;
    return [
      r.ticket, r.receivedAt.toISOString().slice(0, 10), JENIS[r.category] ?? 'Lainnya', TEMPAT[loc?.placeType ?? ''] ?? 'Tidak diketahui',
      HUBUNGAN[r.perpetratorRelation ?? 'not_said'] ?? 'Tidak diketahui', UMUR[child?.ageBand ?? 'unknown'] ?? 'Tidak diketahui',
      KELAMIN[child?.sex ?? 'unknown'] ?? 'Tidak diketahui', loc?.kecamatan ?? '',
    ];
  });
}

/** RFC 4180 CSV; a leading = + - @ is prefixed so a spreadsheet never runs a cell as a formula. */
export function toCsv(rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    let s = String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
