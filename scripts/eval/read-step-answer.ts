import { loadDistrict } from '../../src/districts/district';
import { id } from '../../src/intake/catalogues/id';
import { newDraft, type DraftAnswers } from '../../src/intake/draft';
import { STEPS } from '../../src/intake/steps/registry';
import type { StepContext } from '../../src/intake/steps/step';

// The one place the evaluation reads a typed step answer. Today it asks the intake engine's own steps
// (src/intake/steps); when the answer readers of src/language are merged, only this file changes.

export const EVALUATED_STEPS = [
  'consent', 'danger', 'reporter_role', 'anonymous', 'category', 'child_age', 'child_sex', 'perpetrator', 'place_type',
  'ongoing', 'contact', 'language',
] as const;
export type EvaluatedStep = (typeof EVALUATED_STEPS)[number];

/** What a step made of the text, in the corpus's terms: the option value (for the age step, its band), or undefined. */
export interface ReadAnswer {
  value?: string;
  age?: number;
}

const ctx: StepContext = {
  district: loadDistrict('mukomuko'),
  now: new Date('2026-12-01T00:00:00Z'),
  media: { maxBytes: 20_000_000, allowedTypes: ['image/jpeg'], maxFiles: 10 },
};

// Which draft answer each step fills, and how it reads back as the corpus's value.
const VALUE_OF: Record<Exclude<EvaluatedStep, 'language'>, (a: Partial<DraftAnswers>) => string | undefined> = {
  consent: (a) => (a.consent === undefined ? undefined : a.consent ? 'yes' : 'no'),
  danger: (a) => a.danger,
  reporter_role: (a) => a.reporterRole,
  anonymous: (a) => (a.anonymous === undefined ? undefined : a.anonymous ? 'yes' : 'no'),
  category: (a) => a.category,
  // Branch `language` keeps an adult's age aside (`adultAge`) until the reporter confirms it: that is the adult band.
  child_age: (a) => ('adultAge' in a && a.adultAge !== undefined ? 'adult' : a.childAgeBand),
  child_sex: (a) => a.childSex,
  perpetrator: (a) => a.perpetratorRelation,
  place_type: (a) => a.placeType,
  ongoing: (a) => a.ongoing,
  contact: (a) => a.contactMethod,
};

export function readStepAnswer(step: EvaluatedStep, text: string): ReadAnswer {
  const draft = { ...newDraft({ id: 'eval', channel: 'webchat', chatId: 'eval', now: ctx.now }), step };
  const outcome = STEPS[step].accept({ kind: 'text', text }, draft, ctx, id);
  if (step === 'language') return { value: outcome.type === 'language' ? outcome.language : undefined };
  // The age step ends the conversation for an adult victim: that is the adult band, read as meant.
  if (step === 'child_age' && outcome.type === 'end') return { value: 'adult' };
  // Declining consent ends the conversation: that is a "no", read as meant.
  if (step === 'consent' && outcome.type === 'end') return { value: 'no' };
  if (outcome.type !== 'answered') return {};
  // An adult's age is kept aside as `adultAge` until confirmed: it is the age the text gave all the same.
  const adultAge = 'adultAge' in outcome.answers ? outcome.answers.adultAge : undefined;
  return { value: VALUE_OF[step](outcome.answers), age: outcome.answers.childAge ?? adultAge };
}
