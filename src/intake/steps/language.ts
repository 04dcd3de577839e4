import { readLanguageAnswer } from '../../language';
import type { Language } from '../draft';
import { hintFor, pickOption, withStepPrefix, type Step, type StepOption } from './step';

const languageOptions = (): StepOption<Language>[] => [
  { value: 'id', label: 'Bahasa Indonesia', synonyms: ['indonesia', 'indonesian', 'bahasa', 'id', 'indo'] },
  { value: 'en', label: 'English', synonyms: ['inggris', 'bahasa inggris', 'en', 'eng'] },
];

export const languageStep: Step = {
  id: 'language',
  prompt: (_d, _c, t) => ({ text: t.language, options: withStepPrefix('language', languageOptions()) }),
  accept(answer, _draft, _ctx, t) {
    const language = pickOption(answer, languageOptions, t, readLanguageAnswer);
    if (!language) return { type: 'invalid', hint: hintFor(answer, t, t.hints.pickOption) };
    return { type: 'language', language };
  },
};
