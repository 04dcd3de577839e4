import { triageReport } from '../../src/triage/triage-report';
import { expectAll } from '../support/triage';

// Round 9a aims at under-triage: a P1 read as P2-P4, a P2 read as P3/P4. Each case is written for this test, not taken
// from the corpus, to probe a mechanism (a word family, a dialect form, a sign of danger) rather than a corpus line.
// Every case gave a less urgent priority with triage-2026.12-8 (checked by running this file against it).

describe('round 9a: word families in Mukomuko Malay', () => {
  it('reads a Mukomuko final syllable as the Indonesian one ("dicubik" is "dicubit")', () => {
    expectAll(['ambo diejek kawan sakelas tiok hari, lengan ambo dicubik kuek-kuek'], 'P2');
  });
});

describe('round 9a: Javanese krama forms of the same harm', () => {
  it('reads the krama passive "dipun …" (written apart) and "-aken" as the Indonesian "di-…-kan"', () => {
    expectAll([
      'Putri kula dipun lecehaken kaliyan tiyang kos, mangke dalu tiyang punika wangsul malih',
      'Ponakan kula umur 15 dipun nikahaken mbenjing enjing kaliyan duda',
    ], 'P1');
  });
});

describe('round 9a: a short welfare word is not read out of a longer word', () => {
  it('does not take "dibales" for "les" (a course) and so file a worry about a child as a welfare question', () => {
    expectAll(['ini dibales gak sih? ada yg mau sy ceritain soal anak tetangga'], 'P2');
  });
});

describe('round 9a: a harm reported to a school with nothing done is not settled', () => {
  it('hears "ora ono perubahan" (nothing changed) and a push in Javanese ("dijorokke") as a harm that goes on', () => {
    expectAll(['anakku diejek lan dijorokke kancane saben dina, wis tak laporke guru tapi ora ono perubahan'], 'P2');
  });
});

describe('round 9a: sexual abuse told indirectly', () => {
  it('reads a child\'s intimate part named with "dimainin" / "dimainkan" (played with) by someone as sexual abuse', () => {
    expectAll([
      'anak laki2 saya 7 tahun ngeluh pantatnya perih, katanya dimainin sama kakak sepupunya di kamar',
      'anak ambo umua 6 tahun mangaku buriknyo sakik, katonyo dimainkan dek anak tatangga',
    ], 'P1');
  });
});

describe('round 9a: trafficking and children taken away', () => {
  it('reads children\'s identity papers held by an adult, with a departure tonight, as trafficking about to happen', () => {
    expectAll(['ada bapak yang nahan KTP dan HP tiga anak SMP, mereka mau dibawa naik kapal malam ini'], 'P1');
  });

  it('takes a child just taken away by force ("membawa paksa", "digowo peksa", "durung adoh") as P1', () => {
    expectAll([
      'anakku digowo peksa karo bapake, anakku njerit-njerit, mobile durung adoh',
      'mantan istri membawa paksa anak kami dari sekolah, anak menangis, motornya baru pergi ke arah utara',
    ], 'P1');
  });

  it('keeps a child taken by force months ago, and a diploma held by a school, below P1', () => {
    expectAll(['mantan suami membawa paksa anak kami ke rumah ibunya, sudah dua bulan saya tidak boleh menemui'], 'P2');
    expectAll(['anak saya ijazahnya ditahan sekolah karena belum lunas, bagaimana cara mengurusnya?'], 'P4');
  });
});

describe('round 9a: suicide said indirectly', () => {
  it('hears being a burden, "better off without me", joining a dead parent, and means made ready', () => {
    expectAll([
      'anak saya bilang semua orang akan lebih bahagia tanpa dia, tadi dia nanya tali yang kuat',
      'aku pengen nyusul ibu ke surga aja, udah nyiapin obat',
      'adikku nulis di story "sebentar lagi aku gak jadi beban kalian lagi"',
      'ambo raso labiah elok ambo indak ado, ambo ko baban se',
    ], 'P1');
  });

  it('hears a child giving away belongings as a farewell', () => {
    expectAll(['murid saya membagikan barang-barangnya ke teman-teman dan bilang tidak akan butuh lagi'], 'P1');
  });
});

describe('round 9a: harms that go on without danger tonight are P2, not a welfare question or a note', () => {
  it('hears a reporter who wants to report but is afraid, or keeps the story for later, as a worry to ask about', () => {
    expectAll([
      'bagaimana cara lapor ke sini? ada kejadian di rumah sebelah, nanti saya ceritakan',
      'piye carane lapor, aku wedi lapor soale sing nglakoni tonggoku dewe',
    ], 'P2');
  });

  it('reads a child left to sleep outside, paraded through the village, or held in a cell with adults as P2', () => {
    expectAll([
      'anak tetangga dibiarkan tidur di teras kalau ibunya marah, umurnya 8',
      'murid saya digunduli bapaknya lalu diarak keliling kampung karena ketahuan mencuri',
      'Anak kami umur 15 ditahan di polres, satu sel dengan orang dewasa, mohon pendampingan',
    ], 'P2');
  });
});

describe('round 9a: the passive "di-" written apart', () => {
  it('reads "di sentuh2" as "disentuh"', () => {
    expectAll(['keponakan saya kelas 5 di sentuh2 sama tetangga kalau main kesana, gimana cara melapornya?'], 'P1');
  });
});

describe('round 9a: "dipaksa" by someone, to nothing said', () => {
  it('reads a child forced by a named person, with nothing else said, as suspected sexual abuse (P1 with him coming back)', () => {
    expectAll([
      'aku dipekso karo mas sepupu, sesuk dee mrene maneh',
      'ambo dipaso dek pak guru, inyo bisuak ka datang baliak',
    ], 'P1');
  });

  it('leaves a child forced to do something (selling snacks) to that harm', () => {
    const result = triageReport({ text: 'anak saya dipaksa sama ibunya jualan gorengan tiap sore, gak sekolah lagi' });
    expect(result.category).not.toBe('kekerasan_seksual');
  });
});

describe('round 9a: the same dangers told in English', () => {
  it('hears an adult coming to a child\'s room tonight, IDs held before a trip tonight, a child locked in a hot shed, and a child\'s private parts "played with"', () => {
    expectAll([
      'my stepdad said he will come to my room again tonight, mom is away',
      'a man is taking three girls from our village to the city tonight, he holds their ID cards',
      'the boy next door is locked in the shed, his father left for work, it\'s very hot',
      'teacher reported a 6 year old says her private parts hurt and that her uncle plays with her',
    ], 'P1');
  });
});
