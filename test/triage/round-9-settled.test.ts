import { expectAll } from '../support/triage';

// Round 9b aims at over-triage by class: a past harm that is settled, a question with harm words and no case. Each
// sentence is written for this test, not taken from the corpus; each expectation gave a more urgent priority with
// triage-2026.12-8 (checked by running this file against it), except the guards, which say so.

describe('round 9b: a grave past harm settled by a talk or an apology', () => {
  it('reads a past beating or burn between children, mediated or reconciled, within a day (P2), not at once', () => {
    expectAll([
      'bulan lalu anakku ditonjok kakak kelasnya sampai giginya patah copot, sudah dimediasi guru BK dan keluarga pelaku sudah minta maaf. mau dicatat saja',
      'minggu lalu keponakan saya disundut rokok temannya waktu main, sudah didamaikan di balai desa, lukanya kecil',
    ], 'P2');
  });

  it('guard (P1 before too): the doer beats the child again now, or it was sexual abuse, whatever apology came', () => {
    expectAll([
      'bulan lalu anakku ditonjok bapaknya sampai giginya copot, sudah minta maaf tapi sekarang bapaknya mukulin lagi',
      'dulu adikku dicabuli tetangga, tetangganya sudah pindah dan sudah minta maaf',
    ], 'P1');
  });
});

describe('round 9b: a teenager\'s pregnancy told to ask for her schooling or care', () => {
  it('reads it within a day (P2), in Indonesian and Javanese, not as sexual abuse at once', () => {
    expectAll([
      'putri kami kelas 9 hamil dengan pacarnya yang seumuran, sekolah mau mengeluarkan dia. apa dia berhak tetap ikut ujian?',
      'ponakanku umur 16 wis meteng karo pacare, saiki butuh bantuan ben iso lanjut sekolah paket',
    ], 'P2');
  });

  it('guard (P1 before too): a doer named, a house shared with a stepfather, or a girl of twelve stays P1', () => {
    expectAll([
      'anak tetangga umur 15 hamil, pelakunya pamannya sendiri, dia butuh pendampingan',
      'siswi kami umur 12 hamil, kami ingin dia tetap bisa sekolah',
      'murid saya hamil dan masih serumah dengan ayah tirinya, mohon bantuan agar dia bisa sekolah',
    ], 'P1');
  });
});

describe('round 9b: a question that says it has no case (statistics, no case yet)', () => {
  it('is a topic (P3 at most) even with "sedang", "lagi" or "sekarang" in it', () => {
    expectAll([
      'kami sedang menyusun laporan tahunan, boleh minta data jumlah kasus kekerasan anak di kabupaten ini?',
      'lagi ngerjain tugas kuliah, ada statistik anak yang dipukuli orang tuanya tahun ini?',
    ], 'P3');
  });

  it('guard (P1 before too): a harm told as happening now, or a child locked in since yesterday, stays P1', () => {
    expectAll([
      'saya sedang penelitian, sekarang ada anak 10 tahun ditampar ibunya di depan saya',
      'saya sedang minta data jumlah kasus, tapi anak yang saya wawancarai sekarang dikunci di kamar sama ayahnya dari kemarin',
    ], 'P1');
  });
});

describe('round 9b: words that only look past or settled', () => {
  it('does not take "aman dulu" (safe for now) for a past harm: a beating that recurs is P2 at least', () => {
    expectAll(['ibu tiriku suka nyubit sampai biru, tapi dia lagi ke pasar jadi aku aman dulu'], 'P2');
  });

  it('does not take "kemarin" for "mari" (healed): a marriage proposal made yesterday is not settled', () => {
    expectAll(['anak tetangga umur 14 dikawinkan sama duda umur 40, sudah lamaran kemarin sore'], 'P2');
  });

  it('guard (P3 before too): a past beating whose doer was arrested is still settled', () => {
    expectAll(['dulu anakku pernah dipukul gurunya, gurunya sudah ditangkap dan sekarang anakku aman'], 'P3');
  });
});

describe('round 9b: an event told as over and reported for the record', () => {
  it('is P3: not P2 for a slap or an ear pulled, settled, in Indonesian, Javanese and English', () => {
    expectAll([
      'Minggu lalu pelatih silat menampar murid karena telat, pelatihnya sudah ditegur kepala sekolah dan orang tuanya sudah ditemui. Kami hanya ingin mencatatkan.',
      'Sasi kepungkur ponakanku dijewer guru ngaji nganti kupinge abang, wis dirembug karo wong tuwane. Aku mung pengen dicatet wae',
      'last week a coach slapped a boy at practice, the club suspended the coach and met the parents. we want it on record',
    ], 'P3');
  });

  it('is P3, not a welfare P4, when the harm itself is told in words the rules do not read', () => {
    expectAll(['Wingi bocah loro gelut nang pasar, sing siji benjut. Wis digowo nang puskesmas. Aku lapor wae ben kecatet'], 'P3');
  });

  it('guard (P1 before too): a rape yesterday, or a doer still at home, is not lowered by "please record it"', () => {
    expectAll([
      'anak saya diperkosa kemarin sama tetangga, mohon dicatat dulu',
      'bulan lalu anak tetangga ditendang bapaknya, sekarang bapaknya masih di rumah, tolong dicatat',
    ], 'P1');
  });
});

describe('round 9b: the reporter says nobody harms the child', () => {
  it('reads the worry at P3: not P2 for a neglect with no harm, not P4 when the denial follows another sentence\'s "lagi"', () => {
    expectAll([
      'Murid kami sering datang tanpa sarapan dan bajunya kotor karena orang tuanya kerja di pasar sejak subuh. Tidak ada tanda kekerasan. Mohon kunjungan rumah.',
      'Sepupuku sering diledek gendut sama pamannya sampai tidak mau datang arisan lagi. Tidak ada pukulan. Bisa dikasih edukasi?',
    ], 'P3');
  });

  it('guard (P1 before too): a child locked in since morning, or touched, beside "no beating" stays P1', () => {
    expectAll([
      'Tidak ada kekerasan fisik, tapi sekarang anak itu dikunci di gudang sama bapaknya dari pagi',
      'tidak ada yang memukul dia, tapi om itu sering meraba badannya kalau ibunya kerja',
    ], 'P1');
  });
});

describe('round 9b: a request for counselling with no harm of P2 weight', () => {
  it('is P3, not P2: a child\'s own behaviour, in Indonesian and English', () => {
    expectAll([
      'putri saya 15 tahun ketahuan merokok dan bolos les, kami cari konseling untuk dia',
      'my son (12) gets angry and throws things when we take his phone, where can we get counselling?',
    ], 'P3');
  });

  it('guard (P2 before too): a beating told as recurring now stays P2 whatever is asked', () => {
    expectAll(['anak saya dipukuli bapaknya tiap hari, saya butuh konseling untuk dia'], 'P2');
  });
});

describe('round 9b: images sent once, told as deleted', () => {
  it('settles a photo sent in the past that the receiver deleted (P3)', () => {
    expectAll(['dulu aku pernah kirim foto ke mantan, dia sudah hapus semuanya, aku sudah lihat sendiri. cuma masih kepikiran'], 'P3');
  });

  it('guard (P1 before too): a new threat to spread images is not settled by an old deletion', () => {
    expectAll(['dia sudah hapus fotonya, tapi kemarin dia ngancam lagi mau nyebar video lain kalau aku gak kirim'], 'P1');
  });
});

describe('round 9b: a topic asked about a small child, in words the rules do not read', () => {
  it('is read soon (P2), not at once: a kindergarten teacher asks about day care, in Indonesian and Javanese krama', () => {
    expectAll([
      'Saya guru TK. Ada murid yang sering dijemput telat sampai sore karena ibunya kerja di pabrik. Anaknya sehat. Apa ada program penitipan?',
      'Kula guru TK. Wonten murid ingkang asring dipun pendhet telat amargi bapakipun nyambut damel. Punapa wonten tempat penitipan?',
    ], 'P2');
  });

  it('guard (P1 before too): an unread story about a small child with "now" and no topic is heard at once', () => {
    expectAll(['sekarang ada anak TK di depan rumah saya, bajunya basah dan dia gemetaran'], 'P1');
  });
});
