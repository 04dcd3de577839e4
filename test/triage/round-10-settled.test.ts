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
