import { expectAll, priorityOf } from '../support/triage';

// Round 8 (triage-2026.12-8) aims first at missed P1s, then at over-triage of settled stories and service questions,
// by class: each case is written for this test, not taken from the corpus, so that it probes the mechanism (a word
// form, a sign, a time or question shape) rather than a corpus line. Every case gave a wrong priority with
// triage-2026.12-7 (checked by running this file against it), except the guard that says so.

describe('round 8: missed P1s, by class', () => {
  it('takes a threat to spread a child\'s photos for sexual extortion, in Javanese forms and "sebarin" too', () => {
    expectAll([
      'ada om2 di wa ngancem bakal nyebarke fotoku nek aku ora gelem dolan karo dee, aku kelas 8',
      'kakak kelas diancem fotonya mau disebarin kalo gak mau nemuin cowok itu di taman',
    ], 'P1');
  });

  it('hears suicide told as jumping from a bridge in Javanese ("mlumpat teko kreteg")', () => {
    expectAll(['adikku nulis nek dee arep mlumpat teko kreteg sepur, wis ora kuat sekolah'], 'P1');
  });

  it('reads a girl made to keep men company drinking as sexual exploitation (Minang)', () => {
    expectAll([
      'di kadai ujuang pasa tu budak padusi SMP disuruah manamani urang minum tiok malam',
    ], 'P1');
  });

  it('reads sexual abuse told by the act: fingers or a hand into a child\'s pants, with a sign of today', () => {
    expectAll([
      'murid saya bilang supir jemputannya suka masukin tangan ke celana dia, hari ini dia dijemput lagi',
      'keponakan saya kelas 2 cerita omnya memasukkan jari ke celananya waktu main, om itu datang lagi nanti sore',
    ], 'P1');
  });

  it('takes a head pushed under water in Minang for a grave harm, and "batuak" (a cough) for no "tuak"', () => {
    expectAll(['ambo caliak paja dibanamkan kapalonyo ka kolam dek apaknyo, kini paja tu batuak-batuak'], 'P1');
  });

  it('takes a hand burned with a hot spoon in Minang ("dipanggang tangannyo jo sendok paneh") for a grave harm', () => {
    expectAll(['adiak ambo umua salapan tahun dipanggang tangannyo dek apak tirinyo jo sendok paneh'], 'P1');
  });

  it('never settles a grave harm whose doer threatened today to do it again', () => {
    expectAll(['dua minggu lalu keponakan saya ditendang ayahnya sampai tulang rusuknya retak, pelakunya masih serumah, tadi ngancam mau mengulang kalau dia cerita ke guru. ibunya tidak bisa apa apa'], 'P1');
  });

  it('reads "a little girl" alone at dark as a small child alone', () => {
    expectAll(['a little girl is alone by the road at night and nobody is with her'], 'P1');
  });
});

describe('round 8: settled stories and service questions, by class', () => {
  it('settles a past story ended "sekarang sudah …" (joined to one word by the reader): P3 at most', () => {
    expectAll(['dulu kakak saya dinikahkan umur 15, sekarang sudah cerai dan tinggal sama bayinya di rumah ibu'], 'P3');
  });

  it('settles a punishment of a past school year whose rule is abolished: P3, not P1', () => {
    expectAll(['tahun lalu murid dihukum dijemur di lapangan sampai pingsan, aturan itu sudah dihapus kepala sekolah baru'], 'P3');
  });

  it('settles a harm whose doer is jailed in Minang ("alah dipanjara"): P3 at most', () => {
    expectAll(['tetangga ambo dulu mamukua anaknyo, kini alah dipanjara, ambo nio tanyo baa caro dapek konseling'], 'P3');
  });

  it('keeps a past mistreatment told as settled at P3, not a welfare P4 nor P1: a wrong medicine, a punishment in krama', () => {
    expectAll([
      'awal tahun anak kami salah diberi obat oleh bidan sampai muntah-muntah, sekarang sudah sehat, kami ingin itu dicatat',
      'tahun wingi putra kula dipun ukum ngadeg ing latar sedinten dening guru, sakmenika guru menika sampun pindhah',
    ], 'P3');
  });

  it('hears a settled ending in English ("handled it", "things are better now") and "main seperti biasa"', () => {
    // Unread in English ("teased" is no known word), the story was an unread urgent P1; settled, a person reads it (P2).
    expectAll(['Last year my son was teased at his swimming club. The coach handled it and things are better now. Is there a parenting class?'], 'P2');
    expectAll(['minggu lalu anak tetangga dijewer ibunya di depan warung, sekarang sudah main seperti biasa, apa perlu dilaporkan?'], 'P3');
    // A guard, P1 with triage-2026.12-7 too: a harm heard as happening now is not settled by a happier sentence.
    expectAll(['kemarin anak tetangga dipukul bapaknya sampai berdarah, sekarang sudah main seperti biasa tapi tadi bapaknya lagi mukulin dia lagi'], 'P1');
  });

  it('reads aid and service questions (santunan, scholarships, office hours, donate) as welfare: P4', () => {
    expectAll([
      'istri saya meninggal, anak saya masih kecil, bagaimana cara dapat santunan?',
      'Do you offer scholarships for orphans in this city?',
      'Can I donate clothes to children here? What are your office hours?',
    ], 'P4');
  });

  it('never settles a story with a harm heard as happening now, whatever part of it is over (P2 with triage-2026.12-7)', () => {
    expectAll([
      'dulu ibunya sudah cerai, sekarang bapak tirinya lagi mukulin anak itu pakai kayu, tolong',
    ], 'P1');
  });
});
