import { triageReport } from '../../src/triage/triage-report';
import { priorityOf } from '../support/triage';

// Round 6 (triage-2026.12-6) works by class, not by line: each case below is written for this test, not taken from
// the corpus, so that it probes the mechanism rather than the corpus's words.

describe('round 6: a harm denied is still a worry about a child', () => {
  it('gives P3, not P4, to a worry told with its harm denied', () => {
    for (const text of [
      'anak tetangga suka keluyuran sampai malam, bukan kekerasan sih tapi kasihan',
      'cucu saya jadi pendiam sejak ibunya merantau, tidak dipukul, cuma sedih terus',
      'murid ambo acok indak mambaok bekal, indak ado kekerasan, tapi ambo cameh',
    ]) {
      expect({ text, priority: priorityOf(text) }).toEqual({ text, priority: 'P3' });
    }
  });

  it('keeps P4 for a harm no longer happening, never happened, not yet paid, or denied beside a question', () => {
    for (const text of [
      'anak sy tidak dipukul lagi',
      'anak saya tidak pernah dipukul, saya cuma mau tanya soal KIA',
      'bukan kekerasan, mau nanya syarat beasiswa PIP',
      'uang seragam anak saya belum dibayar, ada keringanan?',
      'anaknya tidak disiksa',
    ]) {
      expect({ text, priority: priorityOf(text) }).toEqual({ text, priority: 'P4' });
    }
  });
});

describe('round 6: photos of a child spread or threatened', () => {
  it('hears a threat to spread a child\'s photos unless she pays or sends more as P1 (sexual extortion)', () => {
    const result = triageReport({ text: 'ada orang di tiktok ngancam mau nyebar foto aku kalau aku ga kirim pulsa, aku 14' });
    expect(result.priority).toBe('P1');
    expect(result.category).toBe('eksploitasi_seksual');
    expect(priorityOf('a guy has naked pictures of my sister (13) and says he will post them')).toBe('P1');
  });

  it('gives P2 to a child\'s photo edited or spread by classmates, P2 to bullying that keeps a child from school', () => {
    expect(priorityOf('foto anak saya diedit jadi monyet terus disebar di grup kelas')).toBe('P2');
    expect(priorityOf('anakku diejek kancane, saiki ora gelem sekolah')).toBe('P2');
  });
});

describe('round 6: P1 classes that were missed', () => {
  const expectP1 = (texts: string[]) => {
    for (const text of texts) expect({ text, priority: priorityOf(text) }).toEqual({ text, priority: 'P1' });
  };

  it('reads Javanese krama and Minang words for a child left, pregnant, kissed, or a room entered at night', () => {
    expectP1([
      'wonten lare alit ditilar piyambakan wonten pinggir margi',
      'lare estri 12 taun mbobot, mboten purun cerita sinten',
      'anakku diambungi pak RT pas mulih ngaji',
      'paman ambo manyarubuang ka biliak ambo tiok malam',
    ]);
  });

  it('hears medical danger: a blow to the head then vomiting, a small child limp, a sick child locked up', () => {
    expectP1([
      'adikku dipukul kepalanya pakai kayu sama bapak, habis itu muntah-muntah',
      'bayi tetangga diare, sudah lemas, ibunya tidak mau bawa ke dokter',
      'anak itu dikunci di kandang, badannya demam',
    ]);
  });

  it('hears a threat with a date soon, a farewell letter, a question about how to die, a forced marriage soon', () => {
    expectP1([
      'kakak kelas ngancam aku, besok pulang sekolah aku mau dicegat',
      'anakku nulis surat perpisahan terus pergi dari rumah',
      'kak aku mau tanya cara mati yang gak sakit',
      'keponakan saya 15 tahun mau dikawin paksa minggu depan',
      'a man checked in at our hotel with a young girl who looked scared',
    ]);
  });
});

describe('round 6: over-triage by a misread word or time', () => {
  it('reads "N tahun lalu / taun kepungkur" as a time ago, not a two-year-old', () => {
    const result = triageReport({ text: 'adikku pernah dilecehke 2 taun kepungkur, saiki wis SMA lan wis gak opo2' });
    expect(result.reasons.some((r) => r.startsWith('usia anak'))).toBe(false);
    expect(result.priority).toBe('P3');
  });

  it('lowers a past harm whose doer has changed ("ayah sudah berubah")', () => {
    expect(priorityOf('dulu aku sering dipukul ayah, sekarang ayah udah berubah, aku cuma masih sedih')).toBe('P3');
  });

  it('does not hear "datang" (a pupil comes to school with bruises) as danger now', () => {
    expect(priorityOf('murid saya sering datang dengan memar, katanya dipukul pamannya')).toBe('P2');
  });

  it('reads a lost card and a leaking roof as welfare, not a missing child or a head wound', () => {
    expect(priorityOf('kartu KIA anak saya hilang, bagaimana cara urus lagi?')).toBe('P4');
    expect(priorityOf('atap rumah kami bocor, anak-anak kedinginan, ada bantuan bedah rumah?')).not.toBe('P1');
  });
});

describe('round 6: under-triage of P2 classes', () => {
  it('keeps a harm "settled" open when the reporter still worries', () => {
    expect(priorityOf('anak 9 tahun dipukul bapaknya, sudah diobati dan pulang, tapi kami khawatir terulang')).toBe('P2');
  });

  it('reads Minang and Javanese "because" as a clause break, so a negation does not reach past it', () => {
    expect(priorityOf('ambo indak sakola karano dipukua apak')).toBe('P2');
    expect(priorityOf('aku ora sekolah mergo dipukuli bapak')).toBe('P2');
  });

  it('gives P2 to severe malnutrition, herding instead of school, and a child afraid to go home; P1 tonight', () => {
    expect(priorityOf('ado budak gizi buruak di kampuang kami')).toBe('P2');
    expect(priorityOf('arek 10 taun dikongkon angon sapi saben dino, ora sekolah')).toBe('P2');
    expect(priorityOf('aku takut pulang')).toBe('P2');
    expect(priorityOf('aku takut pulang malam ini')).toBe('P1');
  });

  it('does not read "manggon" (to live) as herding', () => {
    expect(priorityOf('aku manggon nang Jombang, arep takon syarat akta')).toBe('P4');
  });
});

describe('round 6: false friends and shapes of a question', () => {
  it('reads Javanese "dolan(an)" as play, not "dol" (sell), and "dijorokno" as pushed, not "jorok"', () => {
    expect(priorityOf('anakku dolanan nang kali karo kancane, aman kok, mung takon jadwal posyandu')).toBe('P4');
    const pushed = triageReport({ text: 'ponakanku dijorokno kancane nang sawah, wis ora popo' });
    expect(pushed.category).not.toBe('kekerasan_seksual');
    expect(pushed.priority).not.toBe('P1');
  });

  it('reads "umurku 16" as the age, not a duration "1 taun" before it', () => {
    const result = triageReport({ text: 'pengen sekolah lagi, wis metu 1 taun, umurku 16, iso ora?' });
    expect(result.reasons).not.toContain('usia anak 1 tahun');
  });

  it('does not guess a word without vowels in an acronym written in capitals ("PMT" is no "pamit")', () => {
    expect(priorityOf('Mau tanya apakah ada bantuan PMT untuk balita di desa kami?')).toBe('P4');
    expect(priorityOf('aku mau pmt dari dunia ini')).not.toBe('P4');
  });

  it('caps a question about a practice with no case at P3, even when the practice is said to go on', () => {
    expect(priorityOf('Di desa kami masih banyak anak lulus SD dinikahkan. Belum ada kasus konkret, kami ingin sosialisasi')).toBe('P3');
  });

  it('reads "ibu yang melahirkan" as a mother giving birth, not a sign of abuse', () => {
    expect(priorityOf('ibu yang melahirkan di rumah belum punya akta untuk bayinya, caranya bagaimana?')).toBe('P4');
  });
});

describe('round 6: distress, a parents\' marriage, an adult victim', () => {
  it('gives P3, not P4, to a child\'s distress told with a request for counselling', () => {
    expect(priorityOf('anak saya jadi penakut dan ngompol lagi sejak banjir, ada psikolog gratis?')).toBe('P3');
    expect(priorityOf('cucu ambo jadi pamanuang sajak pindah rumah, ado tampek konseling?')).toBe('P3');
  });

  it('reads "nikah siri" in a question about a birth certificate as the parents\' marriage', () => {
    expect(priorityOf('anak kami belum punya akta karena kami dulu nikah siri, syaratnya apa?')).toBe('P4');
    expect(priorityOf('anak saya 14 tahun mau dinikahkan bulan depan')).toBe('P1');
  });

  it('caps an adult victim with no child in the story at P3 (referred on), without the safety net', () => {
    expect(priorityOf('istri saya sering dipukul kakaknya, kami belum punya anak, lapor ke mana?')).toBe('P3');
  });
});

describe('round 6: a child in conflict with the law, a child grieving', () => {
  it('reads a child held or tried for a theft as understood (P3), not an unread story told "now" (P1)', () => {
    expect(priorityOf('anakku saiki nang polres, kecekel nyolong motor')).toBe('P3');
    expect(priorityOf('arek iku saiki nang bapas, melu diversi')).toBe('P3');
  });

  it('reads a grieving child referred for psychosocial support as P3', () => {
    expect(priorityOf('murid kami sekarang berduka, ayahnya meninggal, butuh pendamping psikososial')).toBe('P3');
  });
});

describe('round 6: a lure and a threat to do harm', () => {
  it('hears children lured with money or gifts by an adult again and again as sexual grooming', () => {
    const lured = triageReport({ text: 'om itu suka membujuk anak cewek main ke rumahnya dengan iming-iming uang' });
    expect(lured.category).toBe('kekerasan_seksual');
    expect(lured.priority).toBe('P1');
  });

  it('gives P2 to a child threatened with a harm to come', () => {
    expect(priorityOf('bapak tirinya ngancam bakal ngusir dia kalau cerita ke ibunya')).toBe('P2');
  });
});
