import { PRIORITIES, type Category, type Priority } from '../../src/reports/report-vocabulary';
import type { TriageResult } from '../../src/triage/triage-report';
import type { ReportCase, StepAnswerCase } from './corpus';
import { EVALUATED_STEPS, type EvaluatedStep, type ReadAnswer } from './read-step-answer';

// Figures for one part of the corpus. Pure: the caller triages and reads, this only counts.

/**
 * "Acceptable": exactly the expected priority, or one level more urgent (expected P3, got P2). Over-triage by one
 * level costs a duty officer a quicker look; under-triage can leave a child waiting, so it is never acceptable,
 * and an expected P1 is acceptable only as P1.
 */
export function isAcceptable(expected: Priority, got: Priority): boolean {
  const e = PRIORITIES.indexOf(expected);
  const g = PRIORITIES.indexOf(got);
  return g === e || g === e - 1;
}

export interface TriageScore {
  total: number;
  exact: number;
  acceptable: number;
  categoryRight: number;
  perClass: Record<Priority, { total: number; exact: number; acceptable: number }>;
  missedP1: { id: string; got: Priority; text: string }[];
  unacceptable: { id: string; expected: Priority; got: Priority; text: string; reasons: string[] }[];
}

export function scoreTriage(results: { c: ReportCase; got: TriageResult }[]): TriageScore {
  const perClass = Object.fromEntries(PRIORITIES.map((p) => [p, { total: 0, exact: 0, acceptable: 0 }])) as TriageScore['perClass'];
  const score: TriageScore = { total: 0, exact: 0, acceptable: 0, categoryRight: 0, perClass, missedP1: [], unacceptable: [] };
  for (const { c, got } of results) {
    const ok = isAcceptable(c.expected, got.priority);
    score.total++;
    perClass[c.expected].total++;
    if (got.priority === c.expected) (score.exact++, perClass[c.expected].exact++);
    if (ok) (score.acceptable++, perClass[c.expected].acceptable++);
    if (sameCategory(c.category, got.category)) score.categoryRight++;
    if (c.expected === 'P1' && got.priority !== 'P1') score.missedP1.push({ id: c.id, got: got.priority, text: c.text });
    if (!ok) score.unacceptable.push({ id: c.id, expected: c.expected, got: got.priority, text: c.text, reasons: got.reasons });
  }
  return score;
}

const sameCategory = (expected: Category, got: Category) => expected === got;

export interface StepScore {
  total: number;
  meant: number;
  perStep: Record<EvaluatedStep, { total: number; meant: number }>;
  misread: { step: EvaluatedStep; text: string; expected: string; got?: string }[];
}

/** Read as meant: the value the reporter meant, and for an age in years, that age too. */
export function scoreStepAnswers(results: { c: StepAnswerCase; got: ReadAnswer }[]): StepScore {
  const perStep = Object.fromEntries(EVALUATED_STEPS.map((s) => [s, { total: 0, meant: 0 }])) as StepScore['perStep'];
  const score: StepScore = { total: 0, meant: 0, perStep, misread: [] };
  for (const { c, got } of results) {
    const meant = got.value === c.expected && (c.age === undefined || got.age === c.age);
    score.total++;
    perStep[c.step].total++;
    if (meant) (score.meant++, perStep[c.step].meant++);
    else score.misread.push({ step: c.step, text: c.text, expected: c.expected, got: got.value });
  }
  return score;
}
