import { z } from 'zod';
import { PERPETRATOR_RELATIONS, SEXES, ageBandOf } from '../../reports/report-vocabulary';
import { matchKey } from '../answers';
import type { Catalogue } from '../catalogues/catalogue';
import { hintFor, optionStep, pickOption, withStepPrefix, type Step, type StepOption } from './step';

type BandChoice = '0-5' | '6-12' | '13-17' | 'adult' | 'unknown';
const bandOptions = (t: Catalogue): StepOption<BandChoice>[] => [
  { value: '0-5', label: t.ageBands['0-5'], synonyms: ['balita', 'bayi'] },
  { value: '6-12', label: t.ageBands['6-12'], synonyms: ['sd'] },
  { value: '13-17', label: t.ageBands['13-17'], synonyms: ['remaja', 'smp', 'sma'] },
  { value: 'adult', label: t.ageBands.adult, synonyms: ['dewasa', 'adult'] },
  { value: 'unknown', label: t.ageBands.unknown, means: 'dontKnow' },
];

const AgeSchema = z.coerce.number().int().min(0).max(120);
const WITH_UNIT = /^(?:umur|usia|age|aged)?\s*(\d{1,3})\s*(?:tahun|thn|th|years?|yrs?|yo|y\.o\.?)$/i;
const WITH_PREFIX = /^(?:umur|usia|age|aged)\s*(\d{1,3})$/i;
const MONTHS = /^(?:umur|usia|age)?\s*\d{1,2}\s*(?:bulan|bln|months?|mo)$/i;
const BARE = /^\d{1,3}$/;

/**
 * The child's age: a band (button, its number, its label) or an age in years ("9 tahun", "umur 9", "9 years").
 * A bare number up to the count of bands is the band's number; a larger one is read as years.
 */
export function readAge(text: string, t: Catalogue): { age?: number; band: BandChoice } | undefined {
  const typed = text.trim();
  if (MONTHS.test(typed)) return { age: 0, band: '0-5' };
  const years = WITH_UNIT.exec(typed)?.[1] ?? WITH_PREFIX.exec(typed)?.[1] ??
    (BARE.test(typed) && Number(typed) > bandOptions(t).length ? typed : undefined);
  if (years !== undefined) {
    const age = AgeSchema.safeParse(years);
    if (!age.success) return undefined;
    const band = ageBandOf(age.data);
    return { age: age.data, band: band === 'adult' ? 'adult' : band };
  }
  const band = pickOption({ kind: 'text', text: typed }, bandOptions, t);
  return band ? { band } : undefined;
}

export const childAgeStep: Step = {
  id: 'child_age',
  prompt: (_d, _c, t) => ({ text: t.childAge, options: withStepPrefix('child_age', bandOptions(t)) }),
  accept(answer, _draft, _ctx, t) {
    let read: ReturnType<typeof readAge>;
    if (answer.kind === 'choice') {
      const band = pickOption(answer, bandOptions, t);
      read = band ? { band } : undefined;
    } else if (answer.kind === 'text') {
      read = readAge(answer.text, t);
    }
    if (!read) return { type: 'invalid', hint: hintFor(answer, t, t.hints.age) };
    // This unit serves children; an adult victim is referred elsewhere and nothing is kept.
    if (read.band === 'adult') return { type: 'end', replies: [{ text: t.adultReferral }] };
    return { type: 'answered', answers: { childAge: read.age, childAgeBand: read.band } };
  },
  next: () => 'child_sex',
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
  next: () => 'child_name',
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
  next: () => 'perpetrator',
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
  next: () => 'kecamatan',
});
