import { PRIORITIES } from '../../src/reports/report-vocabulary';
import { triageReport } from '../../src/triage/triage-report';
import { loadReports, loadStepAnswers, partPresent, type Part } from '../../scripts/eval/corpus';
import { EVALUATED_STEPS, readStepAnswer } from '../../scripts/eval/read-step-answer';
import { isAcceptable, scoreStepAnswers, scoreTriage } from '../../scripts/eval/score';

// The corpus of test/corpus (see README "The triage corpus"). The tuning part is what the lexicon is fitted to. The
// held-out part is a blind set dropped in by someone else and never tuned on; until it is there its tests are skipped
// (the first held-out part was folded into tuning once it had been looked at too often).

const triagePart = (part: Part) => scoreTriage(loadReports(part).map((c) => ({ c, got: triageReport({ text: c.text }) })));
const percent = (n: number, of: number) => `${n}/${of} = ${((100 * n) / of).toFixed(1)} %`;

const heldoutPresent = partPresent('heldout');
const itHeldout = heldoutPresent ? it : it.skip;
const presentParts = (['tuning', 'heldout'] as const).filter(partPresent);

describe('the triage corpus', () => {
  it('has at least 600 reports and 300 step answers, with every priority, language and voice in each part', () => {
    const reports = presentParts.map(loadReports);
    const answers = presentParts.map(loadStepAnswers);
    expect(reports.flat().length).toBeGreaterThanOrEqual(600);
    expect(answers.flat().length).toBeGreaterThanOrEqual(300);
    // The composition check binds the tuning part, which we write; a blind held-out part is checked only for size and
    // for holding every priority below, so that a set written by someone else cannot turn CI red by its make-up.
    for (const part of reports.slice(0, 1)) {
      for (const p of PRIORITIES) expect(part.filter((c) => c.expected === p).length).toBeGreaterThanOrEqual(20);
      for (const lang of ['id', 'jv', 'mkm', 'mixed']) expect(part.some((c) => c.lang === lang)).toBe(true);
      for (const voice of ['child', 'parent', 'relative', 'neighbour', 'teacher', 'health']) expect(part.some((c) => c.voice === voice)).toBe(true);
    }
    for (const part of answers.slice(0, 1)) for (const step of EVALUATED_STEPS) expect(part.some((a) => a.step === step)).toBe(true);
    // Ids are unique in each part, and a held-out line is never also a tuning line, except for a retired held-out set
    // (every line of it folded into tuning once measured) that stays in place until the next blind set replaces it.
    for (const part of reports) expect(new Set(part.map((c) => c.id)).size).toBe(part.length);
    const [tuning, heldout = []] = reports;
    const tuningIds = new Set(tuning!.map((c) => c.id));
    const retired = heldout.length > 0 && heldout.every((c) => tuningIds.has(c.id));
    if (!retired) expect(heldout.filter((c) => tuningIds.has(c.id))).toEqual([]);
  });

  itHeldout('holds a blind held-out part of at least 100 reports and 50 step answers', () => {
    expect(loadReports('heldout').length).toBeGreaterThanOrEqual(100);
    expect(loadStepAnswers('heldout').length).toBeGreaterThanOrEqual(50);
    for (const p of PRIORITIES) expect(loadReports('heldout').some((c) => c.expected === p)).toBe(true);
  });

  it('calls "acceptable" the expected priority or one level more urgent, never less urgent', () => {
    expect(isAcceptable('P3', 'P3')).toBe(true);
    expect(isAcceptable('P3', 'P2')).toBe(true);
    expect(isAcceptable('P3', 'P1')).toBe(false);
    expect(isAcceptable('P3', 'P4')).toBe(false);
    expect(isAcceptable('P1', 'P1')).toBe(true);
    expect(isAcceptable('P1', 'P2')).toBe(false);
  });
});

describe('triage on the corpus', () => {
  // Floors on the tuning part of 3389 reports (held-out 8 and 9, 654 of them, folded in on 2 Dec 2026 once measured),
  // at the figure of triage-2026.12-10 there: 94.8 %, 10 missed (triage-2026.12-9 had 93.2 % and 27 missed; held-out
  // 8 + 9 alone, blind, 82.0 %, 23 of 221). Raise them as the rules improve; never lower them to pass.
  it('tuning part: at least 94.7 % acceptable, at most 10 P1s missed', () => {
    const s = triagePart('tuning');
    process.stdout.write(`tuning: acceptable ${percent(s.acceptable, s.total)}, missed P1 ${s.missedP1.length}/${s.perClass.P1.total}\n`);
    expect(s.acceptable / s.total).toBeGreaterThanOrEqual(0.947);
    expect(s.missedP1.length).toBeLessThanOrEqual(10);
  });

  // No numeric floor on a held-out part, by decision. A blind set is new text each time: its first figure is the honest
  // measure of how the rules generalise, and a lower figure than the previous blind set's is not a regression of the
  // code (held-out 2 reached 74.3 % where held-out 1 had reached 90.5 %, with the same kind of rules). A floor taken
  // from an earlier set would turn CI red for an honest number, and a floor raised from this set's own figure would
  // turn it into tuning data. Regressions are caught on the tuning part (floors above) and by issue-12 / phrasings
  // tests; the held-out figure is printed here and recorded in README by whoever measures it.
  itHeldout('held-out part: triages every report and prints its figures (goal 95 % acceptable, no P1 missed; no floor)', () => {
    const s = triagePart('heldout');
    process.stdout.write(`held-out: acceptable ${percent(s.acceptable, s.total)}, missed P1 ${s.missedP1.length}/${s.perClass.P1.total}\n`);
    expect(s.total).toBe(loadReports('heldout').length);
    expect(s.acceptable + s.unacceptable.length).toBe(s.total);
  });

  it('gives reasons for every report of both parts', () => {
    for (const part of presentParts) {
      for (const c of loadReports(part)) expect(triageReport({ text: c.text }).reasons.length).toBeGreaterThan(0);
    }
  });
});

describe('the step-answer evaluation', () => {
  it('reads answers through the adapter and counts them per step', () => {
    expect(readStepAnswer('consent', 'ya')).toEqual({ value: 'yes' });
    expect(readStepAnswer('consent', 'tidak')).toEqual({ value: 'no' });
    expect(readStepAnswer('child_age', '9 tahun')).toEqual({ value: '6-12', age: 9 });
    expect(readStepAnswer('child_age', '20 tahun')).toEqual({ value: 'adult', age: 20 });
    expect(readStepAnswer('language', 'english')).toEqual({ value: 'en' });
    const s = scoreStepAnswers(loadStepAnswers('tuning').map((c) => ({ c, got: readStepAnswer(c.step, c.text) })));
    expect(s.total).toBe(s.meant + s.misread.length);
    // Every language answer is read, a language named as one the reporter handles poorly included ("kurang paham
    // inggris", "my indonesian is bad").
    expect(s.misread.filter((m) => m.step === 'language').map((m) => m.text)).toEqual([]);
  });

  // No floor here either, for the reason given at the held-out triage test.
  itHeldout('held-out part: reads every step answer and prints the share read as meant (goal 95 %; no floor)', () => {
    const s = scoreStepAnswers(loadStepAnswers('heldout').map((c) => ({ c, got: readStepAnswer(c.step, c.text) })));
    process.stdout.write(`held-out: step answers ${percent(s.meant, s.total)}\n`);
    expect(s.meant + s.misread.length).toBe(s.total);
  });
});
