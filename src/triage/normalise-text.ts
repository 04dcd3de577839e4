import { createLexiconTokeniser } from '../language/lexicon-tokens';
import type { Lexicon } from './lexicon';

// The tokeniser lives in src/language now, beside the rest of the reading of reporters' words; triage keeps its names.
export { BOUNDARY, squeeze, type Token } from '../language/lexicon-tokens';

/** Tokens whose `forms` are each word and its possible stems, for matching the lexicon's terms. */
export function createNormaliser(lexicon: Lexicon) {
  return createLexiconTokeniser(lexicon);
}
