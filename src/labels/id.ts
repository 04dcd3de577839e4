import type { AuthorisationKind, CaseStatus, MonitoringKind, ReferralStatus } from '../cases/case-vocabulary';
import { PARTNER_KINDS } from '../cases/case-vocabulary';
import type {
  AgeBand, Category, Channel, ContactMethod, DangerAnswer, PerpetratorRelation, PlaceType, Priority, ReporterRole,
  ReportStatus, Sex,
} from '../reports/report-vocabulary';
import type { StaffRole } from '../users/roles';

// What staff read for each code, in Bahasa Indonesia: the words of docs/domain.md and the two Peraturan Bupati.
// Every table is typed by its vocabulary, so a code added there without a word here is a type error.

type PartnerKind = (typeof PARTNER_KINDS)[number];

export const ID_LABELS = {
  status: {
    received: 'Diterima', triaged: 'Sudah ditriase', queued: 'Menunggu di antrean', claimed: 'Sedang ditangani',
    case_opened: 'Kasus dibuka', referred_out: 'Dirujuk keluar', merged: 'Digabungkan (duplikat)', rejected: 'Ditolak',
  } satisfies Record<ReportStatus, string>,
  stage: {
    assessment: 'Asesmen', planning: 'Rencana layanan', in_service: 'Layanan berjalan', monitoring: 'Pemantauan',
    terminated: 'Terminasi',
  } satisfies Record<CaseStatus, string>,
  priority: { P1: 'P1 · darurat', P2: 'P2 · tinggi', P3: 'P3 · sedang', P4: 'P4 · rendah' } satisfies Record<Priority, string>,
  category: {
    kekerasan_fisik: 'Kekerasan fisik', kekerasan_psikis: 'Kekerasan psikis', kekerasan_seksual: 'Kekerasan seksual',
    eksploitasi_ekonomi: 'Eksploitasi ekonomi', eksploitasi_seksual: 'Eksploitasi seksual',
    perdagangan_orang: 'Perdagangan orang', penelantaran: 'Penelantaran', perlakuan_salah: 'Perlakuan salah',
    perundungan: 'Perundungan', perkawinan_anak: 'Perkawinan anak', kesehatan: 'Kesehatan', pendidikan: 'Pendidikan',
    kesejahteraan_sosial: 'Kesejahteraan sosial', dokumen_kependudukan: 'Dokumen kependudukan', lainnya: 'Lainnya',
  } satisfies Record<Category, string>,
  channel: {
    telegram: 'Telegram', whatsapp: 'WhatsApp', whatsapp_cloud: 'WhatsApp (Cloud API)', webchat: 'Obrolan web',
    walk_in: 'Datang langsung', phone: 'Telepon',
  } satisfies Record<Channel, string>,
  sex: { perempuan: 'Perempuan', laki_laki: 'Laki-laki', unknown: 'Jenis kelamin tidak diketahui' } satisfies Record<Sex, string>,
  age_band: { '0-5': '0–5 tahun', '6-12': '6–12 tahun', '13-17': '13–17 tahun', unknown: 'Usia tidak diketahui' } satisfies Record<AgeBand, string>,
  reporter_role: {
    child_self: 'Anak itu sendiri', parent_guardian: 'Orang tua / wali', relative: 'Kerabat',
    neighbour_community: 'Tetangga / masyarakat', teacher_school: 'Guru / sekolah', health_worker: 'Tenaga kesehatan',
    other: 'Lainnya',
  } satisfies Record<ReporterRole, string>,
  perpetrator: {
    orang_tua: 'Orang tua', keluarga: 'Anggota keluarga', pacar_teman: 'Pacar / teman', tetangga: 'Tetangga', guru: 'Guru',
    majikan: 'Majikan', orang_tak_dikenal: 'Orang tak dikenal', lainnya: 'Lainnya', not_said: 'Tidak disebutkan',
  } satisfies Record<PerpetratorRelation, string>,
  place: {
    rumah_tangga: 'Rumah tangga', sekolah: 'Sekolah', fasilitas_umum: 'Fasilitas umum', tempat_kerja: 'Tempat kerja',
    media_sosial_daring: 'Media sosial / daring', lainnya: 'Lainnya',
  } satisfies Record<PlaceType, string>,
  danger: { yes: 'Ya', no: 'Tidak', unknown: 'Tidak diketahui' } satisfies Record<DangerAnswer, string>,
  contact: { same_chat: 'Lewat percakapan yang sama', other_number: 'Nomor lain', none: 'Tidak ingin dihubungi' } satisfies Record<ContactMethod, string>,
  monitoring: { legal: 'Proses hukum', health: 'Kesehatan anak', psychosocial: 'Kondisi psikososial' } satisfies Record<MonitoringKind, string>,
  referral_status: { sent: 'Terkirim', accepted: 'Diterima lembaga', declined: 'Ditolak lembaga', completed: 'Selesai' } satisfies Record<ReferralStatus, string>,
  authorisation: {
    consent: 'Persetujuan anak/wali tercatat', supervisor_approval: 'Persetujuan Kepala Seksi',
  } satisfies Record<AuthorisationKind, string>,
  partner_kind: {
    kesehatan: 'Kesehatan (puskesmas, rumah sakit)', unit_ppa_polisi: 'Unit PPA Polres', uptd_ppa: 'UPTD PPA / P2TP2A',
    pendidikan: 'Dinas Pendidikan / sekolah', dukcapil: 'Dukcapil', bantuan_hukum: 'Bantuan hukum',
    keagamaan_masyarakat: 'Lembaga keagamaan / masyarakat', lainnya: 'Lainnya',
  } satisfies Record<PartnerKind, string>,
  role: {
    penerima_pengaduan: 'Penerima Pengaduan', petugas_input_data: 'Petugas Input dan Pengolah Data',
    kepala_seksi_data: 'Kepala Seksi Data, Informasi dan Pengaduan', petugas_assesmen: 'Petugas Asesmen',
    pekerja_sosial: 'Pekerja Sosial', petugas_on_call: 'Petugas piket (on call)',
    kepala_seksi_pelayanan: 'Kepala Seksi Pelayanan', koordinator: 'Koordinator', admin: 'Administrator sistem',
  } satisfies Record<StaffRole, string>,
  audit_action: {
    'alert.ack': 'Peringatan dikonfirmasi', 'case.assign': 'Penugasan kasus', 'case.open': 'Kasus dibuka',
    'case.referral': 'Rujukan dibuat', 'case.referral_status': 'Status rujukan diubah', 'case.transition': 'Tahap kasus diubah',
    'case.view': 'Kasus dibuka untuk dibaca', 'case.termination_request': 'Terminasi diajukan',
    'oncall.add': 'Jadwal piket ditambah', 'oncall.remove': 'Jadwal piket dihapus',
    'partner.create': 'Lembaga ditambah', 'partner.update': 'Lembaga diubah', 'partner.deactivate': 'Lembaga dinonaktifkan',
    'report.media': 'Media laporan dibuka', 'report.register': 'Pengaduan langsung dicatat', 'report.reply': 'Balasan ke pelapor',
    'report.reveal': 'Data pribadi ditampilkan', 'report.status': 'Status laporan diubah',
    'retention.dry_run': 'Uji coba retensi', 'sender.block': 'Pengirim diblokir', 'sender.unblock': 'Blokir pengirim dicabut',
    'user.create': 'Akun dibuat', 'user.password_change': 'Kata sandi diganti', 'user.reset_password': 'Kata sandi direset',
    'user.sign_out_everywhere': 'Keluar dari semua perangkat', 'user.activate': 'Akun diaktifkan', 'user.deactivate': 'Akun dinonaktifkan',
    'export.quarterly_csv': 'Unduh laporan triwulan (CSV)', 'export.quarterly_xlsx': 'Unduh laporan triwulan (XLSX)',
    'export.simfoni_csv': 'Unduh ekspor SIMFONI-PPA',
    'report.view': 'Laporan dibuka', 'report.view_revealed': 'Laporan dibuka dengan data pribadi',
    'case.note': 'Catatan konferensi kasus', 'case.monitoring': 'Pemantauan dicatat', 'case.plan': 'Asesmen/rencana layanan diubah',
    'queue.action': 'Tindakan pada antrean sistem', 'user.contact_change': 'Kontak notifikasi diubah', 'user.sign_in': 'Masuk',
    'user.grant_requested': 'Peran diminta', 'user.grant_approved': 'Peran disetujui', 'user.grant_refused': 'Peran ditolak',
    'whatsapp.login_qr_view': 'Kode QR WhatsApp dilihat',
  },
  subject_type: { report: 'Laporan', sender: 'Pengirim', queue: 'Antrean sistem', channel: 'Kanal', case: 'Kasus', user: 'Akun', partner: 'Lembaga', export: 'Ekspor', alert: 'Peringatan', oncall: 'Jadwal piket', retention: 'Retensi' },
  alert_kind: { report: 'Laporan darurat', urgent_draft: 'Draf darurat belum dikirim', sla: 'SLA antrean', case: 'Kasus' },
  sla_flag: { near: 'Mendekati batas SLA', breached: 'Lewat batas SLA' },
  media_kind: { photo: 'Foto', voice: 'Pesan suara', audio: 'Audio', video: 'Video', document: 'Dokumen' },
  message_direction: { in: 'Dari pelapor', out: 'Dari petugas' },
  message_status: {
    queued: 'menunggu dikirim', sent: 'terkirim', delivered: 'tampil di chat pelapor', waiting: 'menunggu pelapor membuka chat lagi',
    failed: 'gagal terkirim', received: 'diterima',
  },
  /** Keys the figures use for a value that is missing (src/reports/statistics.ts). */
  figure: {
    tidak_diketahui: 'Tidak diketahui', belum_ditugaskan: 'Belum ditugaskan', system: 'Sistem',
    // An encrypted value that does not open where it is stored (moved from another record, damaged, key missing).
    tidak_dapat_dibaca: 'Tidak dapat dibaca',
  },
};

export type LabelKind = keyof typeof ID_LABELS;
/** The same tables in another language: every kind and every code, nothing more. */
export type LabelTables = { [K in LabelKind]: Record<keyof (typeof ID_LABELS)[K], string> };
