import { tokens } from '../../language';
import type { Catalogue } from '../catalogues/catalogue';
import { hintFor, pickOption, withStepPrefix, type Step, type StepOption } from './step';

const resumeOptions = (t: Catalogue): StepOption<'continue' | 'restart'>[] => [
  { value: 'continue', label: t.resumeOptions.continue, means: 'yes', synonyms: ['lanjut', 'continue', 'resume'] },
  { value: 'restart', label: t.resumeOptions.restart, synonyms: ['ulang', 'baru', 'restart', 'start again', 'mulai lagi'] },
];

/** "lanjut aja", "mulai dari awal lagi": the choice a sentence names. */
function readResume(text: string): 'continue' | 'restart' | undefined {
  const said = tokens(text);
  if (said.some((w) => ['ulang', 'awal', 'baru', 'restart'].includes(w))) return 'restart';
  return said.some((w) => ['lanjut', 'lanjutkan', 'continue', 'resume'].includes(w)) ? 'continue' : undefined;
}

/** A returning reporter with an unfinished draft chooses to continue it or start again. */
export const resumeStep: Step = {
  id: 'resume',
  prompt: (_d, _c, t) => ({ text: t.resume, options: withStepPrefix('resume', resumeOptions(t)) }),
  accept(answer, _draft, _ctx, t) {
    const choice = pickOption(answer, resumeOptions, t, readResume);
    if (!choice) return { type: 'invalid', hint: hintFor(answer, t, t.hints.pickOption) };
    return { type: 'action', action: choice };
  },
};
