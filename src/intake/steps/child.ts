import { z } from 'zod';
import { readAgeAnswer, readPerpetrator, readSex } from '../../language';
import { PERPETRATOR_RELATIONS, SEXES } from '../../reports/report-vocabulary';
import { matchKey } from '../answers';
import type { Catalogue } from '../catalogues/catalogue';
import type { DraftAnswers } from '../draft';
import { hintFor, movedOn, optionStep, pickOption, withStepPrefix, type Answer, type Step, type StepOption } from './step';

type BandChoice = '0-5' | '6-12' | '13-17' | 'adult' | 'unknown';
const bandOptions = (t: Catalogue): StepOption<BandChoice>[] => [
  { value: '0-5', label: t.ageBands['0-5'], synonyms: ['balita', 'bayi'] },
  { value: '6-12', label: t.ageBands['6-12'], synonyms: ['sd'] },
  { value: '13-17', label: t.ageBands['13-17'], synonyms: ['remaja', 'smp', 'sma'] },
  { value: 'adult', label: t.ageBands.adult, synonyms: ['dewasa', 'adult'] },
  { value: 'unknown', label: t.ageBands.unknown, means: 'dontKnow' },
];

/** An age the reporter gave, or a band they picked; an adult's age is kept aside until they confirm it. */
type AgeAnswer = Pick<DraftAnswers, 'childAge' | 'childAgeBand' | 'adultAge'>;

/**
 * The child's age. A pressed button is a band. Anything typed is read as words: a bare number is the AGE in years
 * ("4" is a four-year-old, never option 4), as are "4 thn", "umur 4", "around 4", "empat tahun"; band labels and
 * words ("balita", "SMP", "tidak tahu") still name a band.
 */
export function readAge(answer: Answer, t: Catalogue): AgeAnswer | undefined {
  if (answer.kind === 'choice') {
    const band = pickOption(answer, bandOptions, t);
    if (!band) return undefined;
    return band === 'adult' ? { adultAge: 18 } : { childAgeBand: band, childAge: undefined, adultAge: undefined };
  }
  if (answer.kind !== 'text') return undefined;
  const read = readAgeAnswer(answer.text);
  if (read?.band === 'adult') return { adultAge: read.age ?? 18 };
  if (read) return { childAge: read.age, childAgeBand: read.band, adultAge: undefined };
  const band = pickOption({ kind: 'text', text: answer.text.replace(/^\d{1,3}\.?$/, '') }, bandOptions, t);
  if (!band) return undefined;
  return band === 'adult' ? { adultAge: 18 } : { childAgeBand: band, childAge: undefined, adultAge: undefined };
}

export const childAgeStep: Step = {
  id: 'child_age',
  prompt: (_d, _c, t) => ({ text: t.childAge, options: withStepPrefix('child_age', bandOptions(t)) }),
  accept(answer, _draft, _ctx, t) {
    const read = readAge(answer, t);
    if (!read) return { type: 'invalid', hint: hintFor(answer, t, t.hints.age) };
    // The question asks both: "cewek 4 thn" answers the sex too, and that question is not asked.
    const childSex = answer.kind === 'text' ? readSex(answer.text) : undefined;
    // An adult's age goes to the adult check next: nothing is dropped before the reporter confirms.
    return { type: 'answered', answers: { ...read, adultReferral: undefined, ...(childSex ? { childSex } : {}) } };
  },
  whenUnread: (_draft, _ctx, t) => movedOn({ childAgeBand: 'unknown', childAge: undefined, adultAge: undefined }, t),
};

type AdultChoice = 'refer' | 'retype' | 'cancel';
const adultOptions = (t: Catalogue): StepOption<AdultChoice>[] => [
  { value: 'refer', label: t.adultOptions.refer, means: 'yes', synonyms: ['teruskan', 'rujuk', 'refer', 'pass on', 'pass it on', 'forward'] },
  { value: 'retype', label: t.adultOptions.retype, means: 'no', synonyms: ['salah', 'salah ketik', 'ubah', 'typo', 'change'] },
  { value: 'cancel', label: t.adultOptions.cancel, synonyms: ['batalkan', 'cancel'] },
];

/**
 * The victim is an adult, out of this unit's scope. The story is never dropped on a typed number: the reporter
 * confirms, and may pass it on to staff as a referral note (stored as a report, the note above the story).
 */
export const adultCheckStep: Step = {
  id: 'adult_check',
  prompt: (draft, _c, t) => ({ text: t.adultCheck(draft.answers.adultAge ?? 18), options: withStepPrefix('adult_check', adultOptions(t)) }),
  accept(answer, _draft, _ctx, t) {
    const choice = pickOption(answer, adultOptions, t);
    if (!choice) return { type: 'invalid', hint: hintFor(answer, t, t.hints.pickOption) };
    if (choice === 'retype') return { type: 'action', action: 'back' };
    if (choice === 'cancel') return { type: 'end', replies: [{ text: t.adultReferral }] };
    return { type: 'answered', answers: { adultReferral: true, childAgeBand: 'unknown', childAge: undefined }, before: [{ text: t.adultReferred }] };
  },
};

export const childSexStep = optionStep({
  id: 'child_sex',
  text: (t) => t.childSex,
  options: (t) =>
    SEXES.map((s) => ({
      value: s,
      label: t.sexes[s],
      means: s === 'unknown' ? ('dontKnow' as const) : undefined,
      synonyms: s === 'perempuan' ? ['p', 'cewek', 'cewe', 'female', 'f'] : s === 'laki_laki' ? ['l', 'laki', 'cowok', 'cowo', 'lakilaki', 'male', 'm'] : [],
    })),
  apply: (v) => ({ childSex: v }),
  read: readSex,
  unread: 'unknown',
});

const NameSchema = z.string().min(1).max(100).refine((s) => /\p{L}/u.test(s));

export const childNameStep: Step = {
  id: 'child_name',
  prompt: (_d, _c, t) => ({ text: t.childName, options: withStepPrefix('child_name', [{ value: 'skip', label: t.options.skip }]) }),
  accept(answer, _draft, _ctx, t) {
    const skip = pickOption(answer, (c) => [{ value: 'skip' as const, label: c.options.skip, means: 'skip' as const, synonyms: ['-', 'tidak', 'no', 'gak', 'nggak'] }], t);
    if (skip) return { type: 'answered', answers: { childName: undefined } };
    if (answer.kind !== 'text' || matchKey(answer.text) === '') return { type: 'invalid', hint: hintFor(answer, t, t.hints.textNeeded) };
    const name = NameSchema.safeParse(answer.text);
    if (!name.success) return { type: 'invalid', hint: t.hints.textNeeded };
    return { type: 'answered', answers: { childName: name.data } };
  },
};

export const perpetratorStep = optionStep({
  id: 'perpetrator',
  text: (t) => t.perpetrator,
  options: (t) =>
    PERPETRATOR_RELATIONS.map((p) => ({
      value: p,
      label: t.perpetrators[p],
      means: p === 'not_said' ? ('skip' as const) : p === 'orang_tak_dikenal' ? ('dontKnow' as const) : undefined,
      synonyms: p === 'orang_tua' ? ['ayah', 'ibu', 'bapak', 'mama', 'papa', 'father', 'mother'] : p === 'pacar_teman' ? ['pacar', 'teman'] : [],
    })),
  apply: (v) => ({ perpetratorRelation: v }),
  read: readPerpetrator,
  unread: 'not_said',
});
