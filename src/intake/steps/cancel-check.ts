import type { Catalogue } from '../catalogues/catalogue';
import { hintFor, pickOption, withStepPrefix, type Step, type StepOption } from './step';

type CancelChoice = 'cancel' | 'keep';
const cancelOptions = (t: Catalogue): StepOption<CancelChoice>[] => [
  { value: 'cancel', label: t.cancelOptions.cancel, means: 'yes', synonyms: ['batal', 'batalkan', 'hapus', 'cancel', 'delete'] },
  { value: 'keep', label: t.cancelOptions.keep, means: 'no', synonyms: ['lanjut', 'lanjutkan', 'continue', 'keep'] },
];

/** `batal` once a story has been told: a story is never lost to one word, so the reporter confirms first. */
export const cancelCheckStep: Step = {
  id: 'cancel_check',
  prompt: (_d, _c, t) => ({ text: t.cancelCheck, options: withStepPrefix('cancel_check', cancelOptions(t)) }),
  accept(answer, _draft, _ctx, t) {
    const choice = pickOption(answer, cancelOptions, t);
    if (!choice) return { type: 'invalid', hint: hintFor(answer, t, t.hints.pickOption) };
    return { type: 'action', action: choice === 'cancel' ? 'cancel' : 'continue' };
  },
};
