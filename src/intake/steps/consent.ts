import { saysItIsFine } from '../../language';
import { withStepPrefix, optionStep, type Step } from './step';
import { yesNoOptions } from './step';

const base = optionStep({
  id: 'consent',
  text: (t, ctx) => t.welcome(ctx.district.unitShortName),
  options: yesNoOptions,
  apply: (v) => ({ consent: v === 'yes' }),
  // "gak papa (lanjut)", "tidak masalah", "ndak popo": it is fine to go on, never a refusal that forgets the draft.
  read: (text) => (saysItIsFine(text) ? 'yes' : undefined),
  hint: (t) => t.hints.yesNo,
});

/** Greeting and the confidentiality notice (Pasal 4 huruf i, Rahasia); nothing is kept unless the reporter agrees. */
export const consentStep: Step = {
  ...base,
  prompt: (draft, ctx, t) => {
    const shown = base.prompt(draft, ctx, t);
    // A reporter who opened with the story hears first that it is kept, then the notice.
    return draft.answers.description ? { ...shown, text: `${t.storyKept}\n\n${shown.text}` } : shown;
  },
  shortPrompt: (_draft, _ctx, t) => ({ text: t.consentShort, options: withStepPrefix('consent', yesNoOptions(t)) }),
  accept(answer, draft, ctx, t) {
    const outcome = base.accept(answer, draft, ctx, t);
    if (outcome.type === 'answered' && outcome.answers.consent === false) {
      return { type: 'end', replies: [{ text: t.consentDeclined }] };
    }
    return outcome;
  },
};
