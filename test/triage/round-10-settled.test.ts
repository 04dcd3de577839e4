import { expectAll } from '../support/triage';

// Round 10b aims at over-triage that is not acceptable: harm words about a game or a joke, settled events, questions.
// Each sentence is written for this test, not taken from the corpus; each expectation gave a more urgent priority
// with triage-2026.12-9 (checked by running this file against it), except the guards, which say so.

describe('round 10b: a harm word told laughing, about a game or a joke', () => {
  it('reads it within days (P3), not as a child in danger now', () => {
    expectAll([
      'tadi temen sekelas bilang mau culik boneka aku hahaha, itu bisa dipidana gak kak',
      'kawan ambo bilang nio bunuah ambo kalau kalah main game lol, tanyo sajo',
    ], 'P3');
  });

  it('guard (P1 before too): laughing does not lower a sexual harm, a wish to die or a plea', () => {
    expectAll([
      'om di game minta aku video call buka baju wkwk, katanya besok mau jemput aku',
      'pengen mati aja rasanya wkwk, udah nyiapin tali',
      'tolong kak bapakku lagi mukulin aku pake kayu hahaha aku takut',
      'bapakku lagi mukulin ibu sekarang wkwk',
    ], 'P1');
  });
});

describe('round 10b: a message sent by mistake or to try the line', () => {
  it('answers it as an ordinary question (P4), not as an unread story', () => {
    expectAll(['waduh maaf kak salah kirim pesan', 'ngapunten salah nomer', 'sorry, wrong number', 'testing testing 123'], 'P4');
  });

  it('guard: a mistake said beside a plea, "now" or a small child is still read by a person (P2 or P1 before too)', () => {
    expectAll(['maaf salah kirim, tolong kak'], 'P2');
    expectAll(['salah kirim kak, tapi adikku yang bayi sendirian di rumah sekarang'], 'P1');
  });
});

describe('round 10b: a past harm whose doer is held, tried, dismissed or gone', () => {
  it('records it (P3) when the doer is held, sentenced or dismissed and the reporter asks for help after it', () => {
    expectAll([
      'tahun kemarin keponakan saya dicabuli penjaga sekolah, pelakunya sudah ditahan dan kasusnya sudah diputus pengadilan. sekarang kami cari psikolog untuk dia',
      'waktu SD aku pernah ditendang pelatih bola sampai berdarah, udah lama banget, pelatihnya udah dipecat. aku cuma mau tau itu bisa dilaporin ga',
      'dulu anak ambo dicabuli urang kampuang subarang, urang tu alah masuak panjaro. kini ambo nio tanyo konseling',
    ], 'P3');
  });

  it('guard (P1 before too): a doer released again, or harm going on now, is not settled', () => {
    expectAll([
      'tahun lalu adikku dicabuli tetangga, pelakunya sudah ditahan tapi minggu ini sudah dibebaskan dan tinggal di sebelah rumah lagi',
      'dulu keponakan saya dicabuli pamannya, pelakunya sudah diproses hukum tapi sekarang pamannya masih tinggal serumah dan tadi malam masuk kamarnya lagi',
    ], 'P1');
  });
});

describe('round 10b: a question about the law, with no case told', () => {
  it('reads it within days (P3), not as a harm to review within a day', () => {
    expectAll([
      'mau tanya, guru yang menjewer murid karena ramai di kelas itu bisa dipidana tidak ya?',
      'kalau ortu nampar anak sekali karena bohong, menurut hukum gimana ya?',
    ], 'P3');
  });

  it('guard (P2 or P1 before too): a harm told as recurring or happening now stays as it was', () => {
    expectAll(['bapak tiriku tiap hari mukul aku pake sabuk, itu bisa dipidana gak kak?'], 'P2');
    expectAll(['bapakku sekarang lagi mukulin adikku yang masih balita, itu melanggar hukum kan?'], 'P1');
  });
});

describe('round 10b: a counsellor asked for a child', () => {
  it('reads it within days (P3), not a week like a question about documents', () => {
    expectAll(['anak saya kelas 5 akhir-akhir ini jadi pendiam sejak pindah rumah, ada layanan konseling gratis untuk anak?'], 'P3');
  });
});
