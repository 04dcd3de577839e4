import { expectAll } from '../support/triage';

// Round 10a aims at under-triage: a P1 read as P2-P4, a P2 read as P3/P4. Each case is written for this test, not taken
// from the corpus, to probe a mechanism (a word family, a dialect form, a sign of danger, an indirect telling) rather
// than a corpus line. Every case gave a less urgent priority with triage-2026.12-9.

describe('round 10a: sexual extortion told as a condition', () => {
  it('hears the threat after "if I do not send" as a threat, not as a denial', () => {
    expectAll([
      'cowok itu bilang kalau aku gak kirim lagi malam ini videonya disebar ke grup kelas',
      'wong iku ngomong nek aku ora ngirim maneh sesuk fotoku disebarke',
    ], 'P1');
  });

  it('hears someone holding the child\'s pictures and asking for more, in English and Indonesian', () => {
    expectAll([
      'orang yang punya fotoku bilang dia bakal bocorin ke sekolah kalau aku gak kirim lagi',
      'he has my photos and he is blackmailing me to send more',
    ], 'P1');
  });
});

describe('round 10a: a farewell told indirectly', () => {
  it('hears a goodbye said at a bridge, a roof or the railway as a risk of suicide', () => {
    expectAll([
      'kak terima kasih untuk semuanya ya, sekarang aku lagi duduk di atap sekolah',
      'thanks for everything kak, i am standing on the bridge near my house',
    ], 'P1');
  });

  it('hears "do not look for me" in Indonesian, Javanese and Mukomuko as a risk of suicide', () => {
    expectAll([
      'anakku ninggal surat tulisannya jangan cari aku',
      'adhikku nulis ojo goleki aku nang status',
      'kamanakan ambo mangirim pesan jan cari awak',
    ], 'P1');
  });

  it('hears drinking a household poison as a risk of suicide', () => {
    expectAll(['kalau aku minum bayclin satu botol langsung mati gak ya', 'my sister said she wants to drink bleach'], 'P1');
  });
});

describe('round 10a: online grooming', () => {
  it('hears someone met in a game who wants to come for the child tonight', () => {
    expectAll([
      'ada om dari free fire minta alamat rumahku, katanya mau jemput aku nanti malam',
      'a guy i met in discord wants to pick me up tonight after school',
    ], 'P1');
  });

  it('hears a private video call asked for in the bathroom or as a secret', () => {
    expectAll([
      'teman game aku minta vc tapi harus di kamar mandi',
      'om itu suka minta video call, katanya jangan kasih tau mama',
    ], 'P1');
  });

  it('hears a child selling sexy pictures of herself', () => {
    expectAll(['adik sepupuku (14) jual foto seksi di telegram buat beli skin game'], 'P1');
  });
});

describe('round 10a: violence going on now', () => {
  it('hears a door being broken down where the children shelter from a violent adult', () => {
    expectAll(['papa ngamuk dan nampar kakak, kami berdua di kamar, pintunya mau didobrak'], 'P1');
  });

  it('hears the English progressive ("he\'s beating") as violence happening now', () => {
    expectAll(['my uncle s beating my little cousin with a broom'], 'P1');
  });
});

describe('round 10a: a child who will not go home', () => {
  it('hears a child refusing to go home with a fresh wound, or with a threat to kill', () => {
    expectAll([
      'muridku menolak pulang, di lengannya ada bekas luka baru',
      'a student came in with bruises on his arms and says he will not go home, his uncle said he will kill him',
    ], 'P1');
  });
});

describe('round 10a: sexual abuse told indirectly', () => {
  it('hears being forced and sleeping with someone told apart, in Mukomuko', () => {
    expectAll(['awak dipaso pak tuo tidua samo inyo'], 'P1');
  });

  it('reads the Mukomuko "dibukaknyo" as "dibuka" (clothes taken off)', () => {
    expectAll(['dibukaknyo baju adiak ambo dek urang tu'], 'P1');
  });

  it('hears a question about a medical examination for evidence beside "something was done to" the child', () => {
    expectAll(['mau tanya prosedur visum, anak saya diapa-apain tetangga'], 'P1');
  });

  it('hears school children taken to a hotel by a grown man, in English and Javanese', () => {
    expectAll([
      'two schoolgirls in uniform checked in at a guesthouse with an older man',
      'arek loro nganggo seragam SMP digowo wong lanang tuwek nang losmen',
    ], 'P1');
  });
});

describe('round 10a: a missing child', () => {
  it('hears a child not come home who went with a stranger or got into a car', () => {
    expectAll([
      'our son never came home from football, his friend says he went with a stranger',
      'my daughter is missing since this afternoon, she got into a car',
    ], 'P1');
  });
});

describe('round 10a: an approximate age', () => {
  it('reads "3 tahunan" (about three years old) as the age of a very young child', () => {
    expectAll(['anak 2 tahunan ditinggal sendiri di rumah kontrakan', 'ponakanku 3 tahunan dibiarkan main sendirian di jalan'], 'P1');
  });
});

describe('round 10a: harms at P2 read as P3', () => {
  it('hears bullying that strips a child in front of others as serious bullying', () => {
    expectAll(['aku diejek sama temen sekelas, celananya dipelorotin di lapangan'], 'P2');
  });

  it('hears a child who changed since time at a named place or person, with signs of distress', () => {
    expectAll([
      'anakku berubah sejak les di rumah guru itu, sering mimpi buruk dan ngompol lagi',
      'anak saya berubah semenjak ikut kemah di rumah pembina itu, jadi penakut dan sering melamun',
    ], 'P2');
  });

  it('hears "everyone would be happier if I were gone" as a risk of suicide', () => {
    expectAll(['kalau aku sudah tidak ada, semua lebih bahagia'], 'P1');
  });
});
