import { LEXICON } from '../../src/triage/lexicon';
import { readAge } from '../../src/triage/read-age';
import { triageReport } from '../../src/triage/triage-report';
import { priorityOf } from '../support/triage';

// Issue 12: what triage missed on reports written as the public writes them, one test per failure class,
// with the issue's own words.

describe('issue 12: clear P1s that were missed', () => {
  it('hears shouting in capitals with "sekarang" or "tolong"', () => {
    expect(priorityOf('TOLONG ANAK TETANGGA DIPUKULI BAPAKNYA')).toBe('P1');
    expect(priorityOf('SEKARANG ANAKNYA DITENDANG DI DEPAN RUMAH')).toBe('P1');
    expect(priorityOf('pak tolong skrg!!! anak itu ditendang2')).toBe('P1');
    expect(triageReport({ text: 'TOLONG SEKARANG ANAK SAYA DIHAJAR' }).reasons).toContain(LEXICON.shouting.reason);
  });

  it('takes burns for what they are ("disundut rokok")', () => {
    expect(priorityOf('anak tetangga disundut rokok sama bapaknya')).toBe('P1');
    expect(priorityOf('tangannya disetrika ibunya')).toBe('P1');
  });

  it('sees a child about to be sold ("mau dijual")', () => {
    expect(priorityOf('anak perempuan tetangga mau dijual sama bapaknya')).toBe('P1');
    expect(triageReport({ text: 'anaknya mau dijual' }).category).toBe('perdagangan_orang');
  });

  it('reads sexual abuse said indirectly', () => {
    const result = triageReport({ text: 'tiap malam dia masuk kamar dan pegang-pegang' });
    expect(result).toMatchObject({ priority: 'P1', category: 'kekerasan_seksual' });
    expect(priorityOf('om aku suka masuk kamar aku malem2 trs pegang2 aku')).toBe('P1');
  });

  it('understands Javanese as spoken in Jombang', () => {
    expect(priorityOf('bocahe dikunci nang kamar mandi karo bapake')).toBe('P1');
    expect(priorityOf('bocah umur 3 taun ditinggal dewe nang omah')).toBe('P1');
    // Without the age it is still a child alone at home: not left for days.
    expect(['P1', 'P2']).toContain(priorityOf('ditinggal dewe nang omah'));
  });

  it('reads a child\'s age in Javanese and Mukomuko Malay, not a duration', () => {
    expect(readAge('umure 3 taun')).toBe(3);
    expect(readAge('umuanyo baru 4 tahun')).toBe(4);
    expect(readAge('wes 3 taun ditinggal')).toBeUndefined();
  });

  it('understands Mukomuko / Minang Malay', () => {
    expect(priorityOf('dipukua sampai badarah')).toBe('P1');
    expect(triageReport({ text: 'anak tu dipukua apaknyo sampai badarah' }).category).toBe('kekerasan_fisik');
  });
});

describe('issue 12: ongoing harm that is P2, not P3 or P4', () => {
  it('treats child marriage as P2 ("dijodohkan"), and one about to be carried out as P1 ("mau dinikahkan")', () => {
    expect(triageReport({ text: 'anak saya 14 tahun sudah dijodohkan' })).toMatchObject({ priority: 'P2', category: 'perkawinan_anak' });
    expect(priorityOf('keponakan saya mau dinikahkan minggu depan')).toBe('P1');
    // A 17-year-old who wants to marry is not being married off.
    expect(priorityOf('anak saya yg 17 thn mau nikah, saya harus urus apa saja')).not.toBe('P1');
  });

  it('sees child labour ("jaga warung sampai malam, tidak sekolah")', () => {
    expect(triageReport({ text: 'jaga warung sampai malam, tidak sekolah' })).toMatchObject({ priority: 'P2', category: 'eksploitasi_ekonomi' });
  });

  it('sees a starving child ("tidak dikasih makan, kurus sekali"), and a starving small child as P1', () => {
    expect(triageReport({ text: 'tidak dikasih makan, kurus sekali' })).toMatchObject({ priority: 'P2', category: 'penelantaran' });
    expect(priorityOf('balita tetangga tidak dikasih makan, kurus sekali')).toBe('P1');
  });

  it('sees forced begging ("dijadikan pengamen, uangnya diambil preman")', () => {
    expect(triageReport({ text: 'dijadikan pengamen, uangnya diambil preman' })).toMatchObject({ priority: 'P2', category: 'eksploitasi_ekonomi' });
  });
});

describe('issue 12: past and settled, conflicts, nothing understood', () => {
  it('lowers events plainly past and resolved', () => {
    const result = triageReport({ text: 'dulu anak saya diperkosa, pelakunya sudah dipenjara, sekarang aman' });
    expect(result.priority).toBe('P3');
    expect(result.reasons).toContain(LEXICON.resolved.reason);
    // The harm stays among the reasons: a duty officer sees what happened, and why it was lowered.
    expect(result.reasons.some((r) => r.startsWith('teks menyebut kekerasan seksual'))).toBe(true);
  });

  it('does not lower a sexual abuse only because the perpetrator moved away', () => {
    expect(priorityOf('anak saya dicabuli tukang kebun, tukang kebunnya sudah pindah')).toBe('P1');
  });

  it('does not lower when the reporter says the child is in danger now', () => {
    expect(priorityOf('dulu dipukuli, pelakunya sudah dipenjara', { immediateDanger: 'yes' })).toBe('P1');
  });

  it('sends a settled story with a plea for help to review as P2', () => {
    const result = triageReport({ text: 'TOLONG dulu anak saya dipukul, pelakunya sudah dipenjara, sekarang aman' });
    expect(result.priority).toBe('P2');
    expect(result.reasons).toContain(LEXICON.review.conflict);
  });

  it('gives P2 "perlu tinjauan" when nothing is understood, not P4', () => {
    for (const text of ['halo', 'piye iki', 'ada masalah sama anak tetangga']) {
      const result = triageReport({ text });
      expect(result.priority).toBe('P2');
      expect(result.reasons).toEqual([LEXICON.review.nothingUnderstood]);
    }
  });

  it('still answers welfare questions and denials with P4', () => {
    expect(priorityOf('mau tanya syarat akta kelahiran')).toBe('P4');
    expect(priorityOf('anak angkat sy belum punya nik')).toBe('P4');
    expect(priorityOf('anak sy tidak dipukul lagi')).toBe('P4');
  });

  it('hears a child refusing what is done to them ("gak mau dinikahkan")', () => {
    expect(triageReport({ text: 'anaknya umur 14 gak mau dinikahkan' })).toMatchObject({ priority: 'P2', category: 'perkawinan_anak' });
  });

  it('caps a question about a topic, not a child, at P3', () => {
    const result = triageReport({ text: 'saya guru, mau minta materi pencegahan kekerasan seksual di sekolah' });
    expect(result.priority).toBe('P3');
    expect(result.reasons).toContain(LEXICON.general.reason);
    expect(priorityOf('TOLONG materi pencegahan, murid saya dicabuli')).toBe('P1');
  });

  it('lists reasons for every priority', () => {
    for (const text of ['TOLONG', 'dulu dipukul, sudah dipenjara', 'mau tanya akta', 'anak dipukul', 'x']) {
      expect(triageReport({ text }).reasons.length).toBeGreaterThan(0);
    }
  });
});

describe('issue 12, second round (lexicon triage-2026.12-2): general rules, not phrases', () => {
  it('hears a plan not yet carried out: marriage or a recruiter, in Javanese, Mukomuko Malay and English', () => {
    expect(priorityOf('adikku sing isih SMP kate dirabekno karo wong tuwek')).toBe('P1');
    expect(priorityOf('anak gadih tu ka dikawinkan jo laki-laki gaek')).toBe('P1');
    expect(priorityOf('ada agen yang akan menyalurkan murid saya kerja ke luar kota')).toBe('P1');
    expect(priorityOf('my 14 year old cousin is going to be married off')).toBe('P1');
    expect(priorityOf('anaknya umur 14 gak mau dinikahkan')).toBe('P2');
  });

  it('takes hunger with weakness as danger now ("gak makan", "lemes")', () => {
    expect(priorityOf('murid kulo wes rong dino gak mangan, awake lemes')).toBe('P1');
    expect(priorityOf('anak tetangga kurus sekali, sering tidak dikasih makan')).toBe('P2');
  });

  it('hears a harm in progress ("lagi diantemi") and a drunk adult raging with a plea', () => {
    expect(priorityOf('bocah omah sebelah saiki lagi diantemi bapake')).toBe('P1');
    expect(priorityOf('tulung, bapak mabuk lan ngamuk, adikku dibanting')).toBe('P1');
    expect(priorityOf('my dad is drunk and hitting me, please send someone')).toBe('P1');
  });

  it('hears intrusion while a child bathes, and self-harm said in English', () => {
    expect(priorityOf('om aku lagi di depan kamar mandi pas aku mandi, dia mau masuk')).toBe('P1');
    expect(priorityOf('my little brother wants to kill himself, he has a rope')).toBe('P1');
    expect(priorityOf('my stepdad comes into the bathroom when I shower')).toBe('P1');
    expect(priorityOf('his father burned his hand with a cigarette')).toBe('P1');
    expect(priorityOf("she hasn't eaten for two days and is very weak")).toBe('P1');
  });

  it('reads "kalau tidak dapat uang, dipukuli" as a beating, not a denied one', () => {
    expect(priorityOf('anak 9 tahun disuruh ngemis, kalau ga dapet uang dipukulin')).toBe('P1');
    expect(priorityOf('anak itu tidak dipukul, cuma dimarahi')).not.toBe('P1');
  });

  it('lowers an injury stopped and treated, and keeps the reason', () => {
    const result = triageReport({ text: 'anak saya dipukul teman, hidungnya berdarah tapi sudah berhenti dan sudah diobati' });
    expect(result.priority).toBe('P3');
    expect(result.reasons).toContain(LEXICON.treated.reason);
    expect(priorityOf('anak saya dipukul teman, hidungnya berdarah terus')).toBe('P1');
  });

  it('gives a greeting or a question with no concern P2 "perlu tinjauan", not P4', () => {
    for (const text of ['assalamualaikum, bisa batanyo?', 'sugeng enjing, niki leres nomer pengaduan anak?', 'hello, is anyone there?']) {
      const result = triageReport({ text });
      expect(result.priority).toBe('P2');
      expect(result.reasons.join()).toMatch(/^perlu tinjauan/);
    }
    expect(priorityOf('how do I get a birth certificate for my child')).toBe('P4');
  });
});

describe('texts other tests and benches rely on keep their priority', () => {
  it.each([
    ['anak tetangga tiap hari dipukulin bapaknya, badannya biru2', 'P2'],
    ['anak dipukul bapaknya setiap hari', 'P2'],
    ['anak dipukul bapaknya tiap hari', 'P2'],
    // The safety net (triage-2026.12-4): a harm named and not told as over is at least P2, never P3.
    ['anak dipukul temannya di sekolah', 'P2'],
    ['anak sy dibully temannya', 'P3'],
    ['mau tanya akta kelahiran', 'P4'],
    ['tolong anak sy diperkosa tetangga', 'P1'],
    ['anak sy mau bunuh diri', 'P1'],
    ['balita umur 2 th ditinggal sendirian di rumah', 'P1'],
    ['balita ditinggal sendirian, menangis terus', 'P1'],
    ['ada bayi dibuang di depan masjid', 'P1'],
  ])('%s → %s', (text, priority) => {
    expect(priorityOf(text)).toBe(priority);
  });
});

// Third round: the classes behind held-out 2's missed P1s, each said in words not taken from that set. A serious harm
// that the text does not clearly call over and safe is P1; so is one told as lasting until now, or with a child who
// fears going home, whoever else was arrested.
describe('issue 12, third round (lexicon triage-2026.12-3): serious harm without a "now" word', () => {
  it.each([
    ['anak saya sudah tiga hari dikunci di gudang sama bapaknya', 'P1'],
    ['keponakan saya digembok di kamar sejak pagi', 'P1'],
    ['murid saya takut pulang, kemarin ditendang ayah tirinya sampai jatuh', 'P1'],
    ['pengamen cilik disuruh jualan di jalan sampai malam walau kehujanan', 'P1'],
    ['anak smp dituduh maling lalu dipukuli warga di pos ronda', 'P1'],
    ['pamanku sering masuk kamarku, aku takut', 'P1'],
    ['guru les itu maksa nyium murid perempuannya', 'P1'],
    ['ibunya di penjara, adik-adik belum makan sejak kemarin dan lemas', 'P1'],
    ['dulu anak saya dicabuli, pelakunya sudah dipenjara dan anak sudah aman', 'P3'],
    ['rambut anak saya dicukur paksa gurunya, dia malu sekali', 'P3'],
  ])('%s → %s', (text, priority) => {
    expect(priorityOf(text)).toBe(priority);
  });
});

// Fifth round (triage-2026.12-5): classes from held-out 4's misses, each tested with words written for this test.
describe('issue 12, fifth round (lexicon triage-2026.12-5): classes from held-out 4', () => {
  it('reads sexual abuse told through a euphemism or undressing, with a next time soon', () => {
    expect(priorityOf('anakku cerita om kos nyuruh dia pegang burungnya, nanti sore dia ke sana lagi')).toBe('P1');
    expect(priorityOf('ponakan kula dipun kongkon nyopot klambi kaliyan tanggi, mangke dalu wangsul mrika')).toBe('P1');
    expect(priorityOf('my niece (9) was touched by her swimming coach, she has training again tomorrow')).toBe('P1');
  });

  it('hears a child who cannot bear it any more or says goodbye', () => {
    expect(priorityOf('aku wis ra kuat, pamit yo kabeh')).toBe('P1');
    expect(priorityOf('murid saya menulis ini yang terakhir, selamat tinggal semua')).toBe('P1');
    expect(priorityOf("i am 14 and i don't want to live, i saved my grandmas pills")).toBe('P1');
    // Someone else's strength is not despair: "neneknya sudah tidak kuat mengasuh" is a welfare matter.
    expect(priorityOf('neneknya sudah tidak kuat mengasuh, ada bantuan?')).not.toBe('P1');
  });

  it('hears a wedding set for a child, a child offered for a price, and a scream heard now but not a habit', () => {
    expect(priorityOf('besok akad nikah anak tetangga kelas 7 sama duda')).toBe('P1');
    expect(priorityOf('ada yang nawarin anak umur 12 dengan harga di grup')).toBe('P1');
    expect(priorityOf('barusan saya dengar anak menjerit di rumah kosong sebelah')).toBe('P1');
    expect(priorityOf('anak tetangga sering teriak kalau main, berisik')).not.toBe('P1');
  });

  it('reads Minang with its dropped final -r ("dibaka" = dibakar)', () => {
    expect(priorityOf('tangan anak tu dibaka jo puntuang rokok dek apaknyo')).toBe('P1');
  });

  it('lowers a story told as over: blocked, well again, not since', () => {
    expect(priorityOf('tahun lalu ada orang ganggu anak saya di chat, akunnya sudah diblokir, sekarang sudah baik')).not.toBe('P1');
    expect(priorityOf('bulan lalu anak saya dipukul temannya sekali, sejak itu tidak ada lagi, sudah didamaikan guru')).not.toBe('P1');
  });

  it('answers welfare questions in English at P4, not as unread P2', () => {
    expect(priorityOf('Is there any assistance for children with disabilities in Jombang?')).toBe('P4');
    expect(priorityOf('Can I get statistics on child reports for my research?')).toBe('P4');
  });
});

describe('issue 12, fifth round: negation over a list', () => {
  it('reads "no sign of violence or of self-harm" as both denied', () => {
    const r = triageReport({ text: 'Siswi kami murung sejak orang tuanya cerai. Tidak ada tanda kekerasan atau niat menyakiti diri. Mohon info konseling.' });
    expect(r.priority).not.toBe('P1');
    expect(r.reasons).toContain('disangkal, tidak dihitung ("menyakiti diri")');
  });
});

describe('issue 12, fifth round: an adult\'s work is not child labour', () => {
  it('does not read "ibu saya jualan kue" as a child working, and still reads the child who works', () => {
    expect(priorityOf('aku anak yatim, ibu saya jualan kue keliling. ada beasiswa gak kak?')).toBe('P4');
    expect(triageReport({ text: 'anak tetangga umur 9 disuruh jualan sampai malam, tidak sekolah' }).reasons.join(' ')).toMatch(/bekerja/);
  });
});
