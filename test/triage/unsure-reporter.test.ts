import { expectAll, priorityOf } from '../support/triage';

// An unsure reporter asks whether what happens "counts". Told with a doer and no "kalau", or told as going on, that is
// a disclosure, not a topic question: the topic cap (P3) once made a child's "om itu raba2 aku, apakah termasuk
// pelecehan?" a three-day case. Sentences written for this test; the first three were P3 with triage-2026.12-9.

describe('a harm told and asked whether it counts', () => {
  it('is read as told: sexual abuse at once, a beating that goes on at least soon', () => {
    expectAll(['om itu raba2 aku, apakah termasuk pelecehan?', 'kak, guru les aku suka pegang2 dada aku, itu termasuk pelecehan gak?'], 'P1');
    expect(['P1', 'P2']).toContain(priorityOf('apakah termasuk kekerasan kalau bapak mukul pakai sabuk tiap malam?'));
  });
  it('a supposed case stays a question', () => {
    expect(['P3', 'P4']).toContain(priorityOf('apakah termasuk kekerasan kalau orang tua mencubit anak karena nakal?'));
    expect(['P3', 'P4']).toContain(priorityOf('apakah boleh guru menghukum murid lari keliling lapangan?'));
  });
});
