import type { LabelTables } from './id';

// The same words in English, for staff who asked for it (?lang=en). Typed by the Indonesian tables: nothing missing.
export const EN_LABELS: LabelTables = {
  status: {
    received: 'Received', triaged: 'Triaged', queued: 'Waiting in the queue', claimed: 'Being handled',
    case_opened: 'Case opened', referred_out: 'Referred out', merged: 'Merged (duplicate)', rejected: 'Rejected',
  },
  stage: { assessment: 'Assessment', planning: 'Service plan', in_service: 'Services under way', monitoring: 'Monitoring', terminated: 'Closed (terminasi)' },
  priority: { P1: 'P1 · emergency', P2: 'P2 · high', P3: 'P3 · medium', P4: 'P4 · low' },
  category: {
    kekerasan_fisik: 'Physical violence', kekerasan_psikis: 'Psychological violence', kekerasan_seksual: 'Sexual violence',
    eksploitasi_ekonomi: 'Economic exploitation', eksploitasi_seksual: 'Sexual exploitation',
    perdagangan_orang: 'Trafficking', penelantaran: 'Neglect', perlakuan_salah: 'Maltreatment', perundungan: 'Bullying',
    perkawinan_anak: 'Child marriage', kesehatan: 'Health', pendidikan: 'Education', kesejahteraan_sosial: 'Social welfare',
    dokumen_kependudukan: 'Civil documents', lainnya: 'Other',
  },
  channel: { telegram: 'Telegram', whatsapp: 'WhatsApp', whatsapp_cloud: 'WhatsApp (Cloud API)', webchat: 'Web chat', walk_in: 'Walk-in', phone: 'Telephone' },
  sex: { perempuan: 'Girl', laki_laki: 'Boy', unknown: 'Sex not known' },
  age_band: { '0-5': '0–5 years', '6-12': '6–12 years', '13-17': '13–17 years', unknown: 'Age not known' },
  reporter_role: {
    child_self: 'The child themself', parent_guardian: 'Parent / guardian', relative: 'Relative',
    neighbour_community: 'Neighbour / community', teacher_school: 'Teacher / school', health_worker: 'Health worker', other: 'Other',
  },
  perpetrator: {
    orang_tua: 'Parent', keluarga: 'Family member', pacar_teman: 'Partner / friend', tetangga: 'Neighbour', guru: 'Teacher',
    majikan: 'Employer', orang_tak_dikenal: 'Stranger', lainnya: 'Other', not_said: 'Not said',
  },
  place: {
    rumah_tangga: 'Home', sekolah: 'School', fasilitas_umum: 'Public place', tempat_kerja: 'Workplace',
    media_sosial_daring: 'Social media / online', lainnya: 'Other',
  },
  danger: { yes: 'Yes', no: 'No', unknown: 'Not known' },
  contact: { same_chat: 'Through the same chat', other_number: 'Another number', none: 'Does not want contact' },
  monitoring: { legal: 'Legal process', health: "Child's health", psychosocial: 'Psychosocial state' },
  referral_status: { sent: 'Sent', accepted: 'Accepted by partner', declined: 'Declined by partner', completed: 'Completed' },
  authorisation: { consent: 'Consent of child/guardian on record', supervisor_approval: 'Approval of the Kepala Seksi' },
  partner_kind: {
    kesehatan: 'Health (puskesmas, hospital)', unit_ppa_polisi: 'Police Unit PPA', uptd_ppa: 'UPTD PPA / P2TP2A',
    pendidikan: 'Education office / school', dukcapil: 'Civil registration (Dukcapil)', bantuan_hukum: 'Legal aid',
    keagamaan_masyarakat: 'Religious / community group', lainnya: 'Other',
  },
  role: {
    penerima_pengaduan: 'Receptionist (Penerima Pengaduan)', petugas_input_data: 'Data officer',
    kepala_seksi_data: 'Head of Data, Information and Complaints', petugas_assesmen: 'Assessor', pekerja_sosial: 'Social worker',
    petugas_on_call: 'On-call officer', kepala_seksi_pelayanan: 'Head of Services', koordinator: 'Coordinator', admin: 'System administrator',
  },
  audit_action: {
    'alert.ack': 'Alert acknowledged', 'case.assign': 'Case assigned', 'case.open': 'Case opened', 'case.referral': 'Referral made',
    'case.referral_status': 'Referral status changed', 'case.transition': 'Case stage changed', 'case.view': 'Case read',
    'case.termination_request': 'Terminasi requested',
    'oncall.add': 'On-call shift added', 'oncall.remove': 'On-call shift removed', 'partner.create': 'Partner added',
    'partner.update': 'Partner changed', 'partner.deactivate': 'Partner deactivated', 'report.media': 'Report media opened',
    'report.register': 'Walk-in complaint recorded', 'report.reply': 'Reply to reporter', 'report.reveal': 'Personal data revealed',
    'report.status': 'Report status changed', 'retention.dry_run': 'Retention dry run', 'sender.block': 'Sender blocked',
    'sender.unblock': 'Sender unblocked', 'user.create': 'Account created', 'user.password_change': 'Password changed',
    'user.reset_password': 'Password reset', 'user.sign_out_everywhere': 'Signed out everywhere', 'user.activate': 'Account activated',
    'user.deactivate': 'Account deactivated', 'export.quarterly_csv': 'Quarterly report downloaded (CSV)',
    'export.quarterly_xlsx': 'Quarterly report downloaded (XLSX)', 'export.simfoni_csv': 'SIMFONI-PPA export downloaded',
  },
  subject_type: { report: 'Report', sender: 'Sender', case: 'Case', user: 'Account', partner: 'Partner', export: 'Export', alert: 'Alert', oncall: 'On-call roster', retention: 'Retention' },
  alert_kind: { report: 'Urgent report', urgent_draft: 'Urgent unsent draft', sla: 'Queue SLA', case: 'Case' },
  sla_flag: { near: 'Near its SLA', breached: 'Past its SLA' },
  media_kind: { photo: 'Photo', voice: 'Voice message', audio: 'Audio', video: 'Video', document: 'Document' },
  message_direction: { in: 'From the reporter', out: 'From staff' },
  message_status: { queued: 'waiting to be sent', sent: 'sent', failed: 'not delivered', received: 'received' },
  figure: { tidak_diketahui: 'Not known', belum_ditugaskan: 'Not yet assigned' },
};
