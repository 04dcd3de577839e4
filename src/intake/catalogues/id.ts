import type { Catalogue } from './catalogue';

export const id: Catalogue = {
  languageName: 'Bahasa Indonesia',
  options: { yes: 'Ya', no: 'Tidak', dontKnow: 'Tidak tahu', skip: 'Lewati', continue: 'Lanjut' },
  welcome: (unit) =>
    `Halo. Ini layanan pengaduan ${unit} untuk melaporkan kekhawatiran tentang anak.\n\n` +
    'Laporan Anda RAHASIA: hanya petugas unit yang berwenang yang dapat membacanya, dan data pribadi disimpan terenkripsi. ' +
    'Anda boleh melapor tanpa menyebut identitas (anonim).\n\n' +
    'Ini BUKAN layanan darurat. Jika ada bahaya saat ini, hubungi 112.\n\n' +
    'Kapan saja Anda bisa mengetik: batal, kembali, bantuan, status, atau bahasa (English).\n\n' +
    'Apakah Anda setuju untuk melanjutkan?',
  consentShort: 'Apakah Anda setuju untuk melanjutkan?',
  storyKept: 'Terima kasih, cerita Anda sudah kami catat. Sebelum lanjut, mohon baca ini:',
  understood: (lines) => `Dari cerita Anda, kami catat:\n${lines}\nJika ada yang salah, Anda bisa mengubahnya di ringkasan sebelum mengirim.`,
  consentDeclined: 'Baik, tidak ada yang disimpan. Jika suatu saat Anda ingin melapor, kirim pesan apa saja ke sini.',
  danger: 'Apakah anak tersebut dalam bahaya SAAT INI (misalnya sedang dipukul, dikurung, atau terancam)?',
  emergency: (lines) =>
    `SEGERA hubungi nomor darurat berikut:\n${lines}\n\nLaporan Anda sudah masuk antrean darurat kami; kami kabari di sini begitu petugas menerimanya. ` +
    'Setelah Anda aman, mari lanjutkan laporannya.',
  reporterRole: 'Siapa Anda bagi anak tersebut?',
  reporterRoles: {
    child_self: 'Saya sendiri anaknya',
    parent_guardian: 'Orang tua / wali',
    relative: 'Keluarga / kerabat',
    neighbour_community: 'Tetangga / masyarakat',
    teacher_school: 'Guru / pihak sekolah',
    health_worker: 'Tenaga kesehatan',
    other: 'Lainnya',
  },
  anonymous: 'Apakah Anda ingin melapor secara anonim (tanpa identitas dan tanpa kontak)?',
  anonymousOptions: { yes: 'Ya, anonim', no: 'Tidak, boleh dihubungi' },
  category: 'Apa yang terjadi? Pilih yang paling mendekati.',
  categories: {
    kekerasan_fisik: 'Kekerasan fisik',
    kekerasan_psikis: 'Kekerasan psikis',
    kekerasan_seksual: 'Kekerasan seksual',
    eksploitasi_ekonomi: 'Eksploitasi ekonomi (dipaksa bekerja)',
    eksploitasi_seksual: 'Eksploitasi seksual',
    perdagangan_orang: 'Perdagangan orang',
    penelantaran: 'Penelantaran',
    perlakuan_salah: 'Perlakuan salah',
    perundungan: 'Perundungan (bullying)',
    perkawinan_anak: 'Perkawinan anak',
    kesehatan: 'Kesehatan',
    pendidikan: 'Pendidikan',
    kesejahteraan_sosial: 'Kesejahteraan sosial',
    dokumen_kependudukan: 'Akta kelahiran / dokumen',
    lainnya: 'Lainnya',
  },
  description:
    'Ceritakan apa yang terjadi dengan kata-kata Anda sendiri. Anda juga boleh mengirim foto, pesan suara, atau dokumen.',
  descriptionAfterMedia: 'Sekarang tuliskan juga apa yang terjadi, dengan kata-kata Anda sendiri.',
  moreMedia: 'Ada foto, pesan suara, atau dokumen lain? Kirim sekarang, atau pilih Lanjut.',
  media: {
    received: (n) => `Berkas diterima (${n}).`,
    wrongType: 'Jenis berkas ini tidak bisa kami terima. Kirim foto, pesan suara, video, atau PDF.',
    tooLarge: (mb) => `Berkas ini terlalu besar (paling besar ${mb} MB).`,
    tooMany: (max) => `Paling banyak ${max} berkas per laporan.`,
    failed: 'Berkas ini gagal kami terima. Silakan kirim ulang sebentar lagi.',
    notHere: 'Berkas bisa dikirim saat menceritakan kejadian. Untuk pertanyaan ini, silakan ketik jawabannya.',
  },
  childAge: 'Berapa umur anak tersebut, dan laki-laki atau perempuan? Tulis umurnya (misalnya "9 tahun, perempuan") atau pilih kelompok umur.',
  ageBands: {
    '0-5': '0–5 tahun',
    '6-12': '6–12 tahun',
    '13-17': '13–17 tahun',
    adult: '18 tahun atau lebih',
    unknown: 'Tidak tahu',
  },
  adultReferral:
    'Layanan ini khusus untuk anak (di bawah 18 tahun). Untuk korban dewasa, silakan hubungi UPTD PPA / P2TP2A ' +
    'atau SAPA 129 (WhatsApp 08111-129-129). Jika ada bahaya saat ini, hubungi 112. Laporan ini tidak disimpan. Terima kasih sudah peduli.',
  adultCheck: (age) =>
    `Umur ${age} tahun berarti korban sudah dewasa. Layanan ini khusus untuk anak (di bawah 18 tahun), tetapi cerita Anda ` +
    'tidak akan hilang: kami bisa meneruskannya ke petugas sebagai catatan rujukan. Pilih salah satu:',
  adultOptions: { refer: 'Teruskan ke petugas', retype: 'Salah ketik, ubah umur', cancel: 'Batalkan laporan' },
  adultReferred:
    'Baik, cerita Anda akan diteruskan ke petugas sebagai catatan rujukan. Untuk korban dewasa Anda juga bisa menghubungi ' +
    'UPTD PPA / P2TP2A atau SAPA 129 (WhatsApp 08111-129-129). Jika ada bahaya saat ini, hubungi 112.',
  adultReferralNote: (age) => `[Catatan rujukan: pelapor menyatakan korban dewasa (${age} tahun); di luar layanan anak, teruskan ke UPTD PPA / P2TP2A.]`,
  cancelCheck: 'Batalkan laporan ini? Cerita dan semua jawaban Anda akan dihapus.',
  cancelOptions: { cancel: 'Ya, batalkan dan hapus', keep: 'Tidak, lanjutkan laporan' },
  childSex: 'Jenis kelamin anak?',
  sexes: { perempuan: 'Perempuan', laki_laki: 'Laki-laki', unknown: 'Tidak tahu' },
  childName: 'Nama anak (boleh panggilan saja). Jika tidak ingin menyebut, pilih Lewati.',
  perpetrator: 'Siapa yang melakukannya, jika Anda ingin menyebutkan?',
  perpetrators: {
    orang_tua: 'Orang tua',
    keluarga: 'Keluarga lain',
    pacar_teman: 'Pacar / teman',
    tetangga: 'Tetangga',
    guru: 'Guru',
    majikan: 'Majikan',
    orang_tak_dikenal: 'Orang tak dikenal',
    lainnya: 'Lainnya',
    not_said: 'Tidak ingin menyebut',
  },
  kecamatan: (district) => `Di kecamatan mana kejadiannya (${district})? Tulis nomor atau namanya.`,
  desa: 'Desa / kelurahan mana? Jika tidak tahu, pilih Lewati.',
  placeType: 'Di mana tempat kejadiannya?',
  placeTypes: {
    rumah_tangga: 'Rumah',
    sekolah: 'Sekolah',
    fasilitas_umum: 'Fasilitas umum',
    tempat_kerja: 'Tempat kerja',
    media_sosial_daring: 'Media sosial / daring',
    lainnya: 'Lainnya',
  },
  location: 'Jika mau, bagikan lokasi kejadian (fitur "lokasi" di aplikasi chat). Atau pilih Lewati.',
  when: 'Kapan kejadiannya? (misalnya "kemarin sore", "sejak Januari")',
  ongoing: 'Apakah kejadian ini masih berlangsung?',
  contact: 'Bagaimana petugas dapat menghubungi Anda? Anda juga boleh tetap anonim.',
  contactMethods: { same_chat: 'Lewat chat ini', other_number: 'Nomor telepon lain', none: 'Anonim, tidak perlu dihubungi' },
  contactPhone: 'Tulis nomor telepon yang bisa dihubungi (misalnya 0812 3456 7890).',
  confirm: 'Periksa ringkasan laporan Anda. Kirim sekarang?',
  confirmOptions: { send: 'Kirim laporan', back: 'Kembali, ubah', cancel: 'Batalkan', details: 'Tambah detail (nama anak, desa, waktu)' },
  summary: {
    danger: 'Bahaya saat ini', reporter: 'Pelapor', anonymous: 'Anonim', category: 'Kejadian',
    description: 'Cerita', media: 'Berkas', child: 'Anak', perpetrator: 'Pelaku', place: 'Tempat', when: 'Waktu',
    ongoing: 'Masih berlangsung', contact: 'Kontak', notGiven: '-', sharedLocation: 'lokasi dibagikan',
    age: (n) => `${n} tahun`,
  },
  submitted: (ticket) =>
    `Terima kasih. Laporan Anda sudah kami terima dengan nomor tiket ${ticket}.\n\n` +
    'Simpan nomor ini. Petugas akan meninjaunya; laporan darurat ditangani paling lambat 1 jam. ' +
    'Ketik "status" kapan saja untuk melihat perkembangannya.',
  submitFailed: 'Maaf, laporan belum berhasil disimpan. Tidak ada yang hilang: coba kirim lagi sebentar lagi.',
  unexpected: 'Maaf, ada gangguan di sistem kami. Jawaban Anda tidak hilang; mohon kirim lagi sebentar lagi. Darurat: 112.',
  cancelled: 'Laporan dibatalkan dan semua jawaban Anda sudah dihapus.',
  nothingToCancel: 'Tidak ada laporan yang sedang diisi.',
  atStart: 'Ini pertanyaan pertama, tidak bisa kembali lebih jauh.',
  help:
    'Layanan ini menerima pengaduan tentang anak. Jawab pertanyaan dengan mengetik nomor pilihan atau jawabannya.\n' +
    'Kata yang bisa dipakai kapan saja: batal (hapus laporan), kembali (pertanyaan sebelumnya), status (laporan saya), ' +
    'bahasa (ganti bahasa), darurat (nomor darurat). Darurat: 112.',
  resume: 'Anda punya laporan yang belum selesai. Lanjutkan atau mulai dari awal?',
  resumeOptions: { continue: 'Lanjutkan', restart: 'Mulai dari awal' },
  language: 'Pilih bahasa / Choose a language',
  hints: {
    pickOption: 'Maaf, jawaban itu tidak ada di pilihan. Ketik nomornya atau salah satu pilihan.',
    yesNo: 'Maaf, mohon jawab ya atau tidak.',
    staleButton: 'Tombol itu untuk pertanyaan sebelumnya. Silakan jawab pertanyaan ini.',
    textNeeded: 'Untuk pertanyaan ini, mohon ketik jawabannya.',
    tooShort: 'Mohon ceritakan dengan beberapa kata.',
    phone: 'Nomor telepon itu sepertinya tidak lengkap. Contoh: 0812 3456 7890.',
    location: 'Kirim lokasi lewat fitur lokasi, atau pilih Lewati.',
    age: 'Tulis umur dalam tahun (misalnya "9 tahun") atau pilih salah satu kelompok umur.',
    storyPlease: 'Silakan ceritakan dulu apa yang terjadi pada anak itu, dengan kata-kata Anda sendiri: apa yang dialami, oleh siapa, kapan. Beberapa kalimat saja cukup.',
    unreadMovedOn: 'Tidak apa-apa, kita lanjut saja. Kami catat "belum diketahui"; petugas dapat menanyakannya nanti, dan Anda bisa mengubahnya di ringkasan sebelum mengirim.',
  },
  status: {
    none: 'Belum ada laporan dari chat ini.',
    header: 'Laporan Anda:',
    line: (ticket, state, date) => `${ticket} (${date}): ${state}`,
    states: {
      received: 'diterima, menunggu ditinjau',
      triaged: 'diterima, menunggu ditinjau',
      queued: 'diterima, dalam antrean petugas',
      claimed: 'sedang ditangani petugas',
      case_opened: 'ditindaklanjuti sebagai kasus',
      referred_out: 'diteruskan ke lembaga yang berwenang',
      merged: 'digabung dengan laporan lain tentang hal yang sama',
      rejected: 'ditutup',
    },
    startHint: 'Kirim pesan apa saja untuk membuat laporan baru.',
  },
  limits: {
    rate: 'Pesan Anda terlalu cepat. Mohon tunggu sebentar, lalu kirim lagi.',
    daily: (max) => `Anda sudah mengirim ${max} laporan hari ini. Jawaban Anda tetap tersimpan; coba kirim lagi besok. Darurat: 112.`,
    tooLong: (max) => `Pesan terlalu panjang (paling banyak ${max} huruf). Mohon persingkat atau kirim dalam beberapa bagian.`,
    busy: 'Pesan sebelumnya masih diproses. Mohon kirim lagi sebentar lagi.',
    blocked: 'Layanan ini tidak dapat menerima pesan dari akun ini untuk sementara. Jika ada anak dalam bahaya, hubungi 112, polisi 110, atau SAPA 129.',
  },
  reminder: (hours) =>
    `Laporan Anda belum selesai dan akan terhapus dalam sekitar ${hours} jam. Balas pesan ini untuk melanjutkan.`,
};
