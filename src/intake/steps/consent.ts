import { optionStep, type Step } from './step';
import { yesNoOptions } from './step';

const base = optionStep({
  id: 'consent',
  text: (t, ctx) => t.welcome(ctx.district.unitShortName),
  options: yesNoOptions,
  apply: (v) => ({ consent: v === 'yes' }),
  next: () => 'danger',
  hint: (t) => t.hints.yesNo,
});

/** Greeting and the confidentiality notice (Pasal 4 huruf i, Rahasia); nothing is kept unless the reporter agrees. */
export const consentStep: Step = {
  ...base,
  accept(answer, draft, ctx, t) {
    const outcome = base.accept(answer, draft, ctx, t);
    if (outcome.type === 'answered' && outcome.answers.consent === false) {
      return { type: 'end', replies: [{ text: t.consentDeclined }] };
    }
    return outcome;
  },
};
