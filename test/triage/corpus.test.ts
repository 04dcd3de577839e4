import { PRIORITIES } from '../../src/reports/report-vocabulary';
import { triageReport } from '../../src/triage/triage-report';
import { loadReports, loadStepAnswers, type Part } from '../../scripts/eval/corpus';
import { EVALUATED_STEPS, readStepAnswer } from '../../scripts/eval/read-step-answer';
import { isAcceptable, scoreStepAnswers, scoreTriage } from '../../scripts/eval/score';

// The corpus of test/corpus (see README "The triage corpus"). The held-out part was written and committed before
// any rule changed and is never tuned on; these bars record what triage reaches on it, not what it was fitted to.

const triagePart = (part: Part) => scoreTriage(loadReports(part).map((c) => ({ c, got: triageReport({ text: c.text }) })));
const percent = (n: number, of: number) => `${n}/${of} = ${((100 * n) / of).toFixed(1)} %`;

describe('the triage corpus', () => {
  it('has at least 600 reports and 300 step answers, a third of each held out, in every priority and voice', () => {
    const reports = { tuning: loadReports('tuning'), heldout: loadReports('heldout') };
    const answers = { tuning: loadStepAnswers('tuning'), heldout: loadStepAnswers('heldout') };
    expect(reports.tuning.length + reports.heldout.length).toBeGreaterThanOrEqual(600);
    expect(answers.tuning.length + answers.heldout.length).toBeGreaterThanOrEqual(300);
    expect(reports.heldout.length * 3).toBeGreaterThanOrEqual(reports.tuning.length + reports.heldout.length);
    expect(answers.heldout.length * 3).toBeGreaterThanOrEqual(answers.tuning.length + answers.heldout.length);
    for (const part of [reports.tuning, reports.heldout]) {
      for (const p of PRIORITIES) expect(part.filter((c) => c.expected === p).length).toBeGreaterThanOrEqual(20);
      for (const lang of ['id', 'jv', 'mkm', 'mixed']) expect(part.some((c) => c.lang === lang)).toBe(true);
      for (const voice of ['child', 'parent', 'relative', 'neighbour', 'teacher', 'health']) expect(part.some((c) => c.voice === voice)).toBe(true);
    }
    const ids = [...reports.tuning, ...reports.heldout].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const step of EVALUATED_STEPS) expect(answers.heldout.some((a) => a.step === step)).toBe(true);
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
  it('tuning part: at least 98 % acceptable, at most 1 P1 missed', () => {
    const s = triagePart('tuning');
    process.stdout.write(`tuning: acceptable ${percent(s.acceptable, s.total)}, missed P1 ${s.missedP1.length}/${s.perClass.P1.total}\n`);
    expect(s.acceptable / s.total).toBeGreaterThanOrEqual(0.98);
    expect(s.missedP1.length).toBeLessThanOrEqual(1);
  });

  // The goal is 95 % acceptable and no P1 missed. Not reached: these are the figures reached without tuning on this
  // part (README), kept as a floor so a change that loses ground shows. Raise them only from a new held-out set.
  it('held-out part: at least 90 % acceptable, at most 10 P1s missed (goal 95 % and none)', () => {
    const s = triagePart('heldout');
    process.stdout.write(`held-out: acceptable ${percent(s.acceptable, s.total)}, missed P1 ${s.missedP1.length}/${s.perClass.P1.total}\n`);
    expect(s.acceptable / s.total).toBeGreaterThanOrEqual(0.9);
    expect(s.missedP1.length).toBeLessThanOrEqual(10);
  });

  it('gives reasons for every report of both parts', () => {
    for (const part of ['tuning', 'heldout'] as const) {
      for (const c of loadReports(part)) expect(triageReport({ text: c.text }).reasons.length).toBeGreaterThan(0);
    }
  });
});

describe('the step-answer evaluation', () => {
  it('reads answers through the adapter and counts them per step', () => {
    expect(readStepAnswer('consent', 'ya')).toEqual({ value: 'yes' });
    expect(readStepAnswer('consent', 'tidak')).toEqual({ value: 'no' });
    expect(readStepAnswer('child_age', '9 tahun')).toEqual({ value: '6-12', age: 9 });
    expect(readStepAnswer('child_age', '20 tahun')).toEqual({ value: 'adult' });
    expect(readStepAnswer('language', 'english')).toEqual({ value: 'en' });
    const s = scoreStepAnswers(loadStepAnswers('tuning').map((c) => ({ c, got: readStepAnswer(c.step, c.text) })));
    expect(s.total).toBe(s.meant + s.misread.length);
    expect(s.perStep.language.meant).toBe(s.perStep.language.total);
  });
});
