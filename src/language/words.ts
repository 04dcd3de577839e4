import { CLAUSE_BREAK, clauses, standardWords } from './normalise';
import { stemWord } from './stem';

// A text read once for matching: its standard words and their roots side by side, with a clause break between
// clauses, so a phrase never spans two clauses and a negation never reaches into the next one.

export interface Words {
  tokens: readonly string[];
  stems: readonly string[];
}

export function readWords(text: string): Words {
  const tokens = clauses(text).flatMap((c) => [...c, CLAUSE_BREAK]);
  return { tokens, stems: tokens.map((t) => (t === CLAUSE_BREAK ? t : stemWord(t))) };
}

/** A phrase as matching needs it: each word standardised and with its root. */
interface PhraseWord {
  word: string;
  stem: string;
}

const phraseCache = new Map<string, PhraseWord[]>();

function phraseWords(phrase: string): PhraseWord[] {
  let words = phraseCache.get(phrase);
  if (!words) {
    words = phrase.split(/\s+/).flatMap(standardWords).map((word) => ({ word, stem: stemWord(word) }));
    phraseCache.set(phrase, words);
  }
  return words;
}

/** Where a phrase starts among the words (matched by word or by root), every place it occurs. */
export function findPhrase(w: Words, phrase: string): number[] {
  const wanted = phraseWords(phrase);
  const found: number[] = [];
  for (let i = 0; i + wanted.length <= w.tokens.length; i++) {
    // A root in the phrase matches any form of it ("tetangga": "tetangganya"); an inflected word only itself ("anakku").
    if (wanted.every((p, j) => w.tokens[i + j] === p.word || (p.word === p.stem && w.stems[i + j] === p.stem))) found.push(i);
  }
  return found;
}

export function hasPhrase(w: Words, phrase: string): boolean {
  return findPhrase(w, phrase).length > 0;
}

// English contractions too ("I don't speak Indonesian"): the tokeniser keeps the apostrophe inside the word.
const NEGATORS = new Set(['tidak', 'bukan', 'belum', 'jangan', 'tanpa', 'no', 'not', 'never', 'pernah', "don't", 'dont', "doesn't", 'doesnt', "can't", 'cant', 'cannot', "didn't", 'didnt', "won't", "isn't", "wasn't"]);
const NEGATION_WINDOW = 3;
const IT_IS_FINE = new Set(['apa', 'papa', 'masalah']);

/** "tidak dipukul", "sudah tidak pernah dipukul lagi": a negator up to three words before, in the same clause. */
export function isNegated(w: Words, at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - NEGATION_WINDOW; i--) {
    const token = w.tokens[i]!;
    if (token === CLAUSE_BREAK) return false;
    // "pernah" only negates after a negator ("tidak pernah"); on its own it is "once did".
    if (token === 'pernah') continue;
    // "tidak apa-apa pakai nama", "ndak apa", "ga papa", "gak masalah": "it is fine", not a negation of what follows.
    if (NEGATORS.has(token)) return !(IT_IS_FINE.has(w.tokens[i + 1]!) && i + 1 < at);
  }
  return false;
}

/** Occurrences of the phrase that are not negated. */
export function affirmed(w: Words, phrase: string): number[] {
  return findPhrase(w, phrase).filter((at) => !isNegated(w, at));
}

/** The first value (in the table's order) one of whose phrases occurs un-negated. */
export function firstConcept<V>(w: Words, table: readonly (readonly [V, readonly string[]])[]): V | undefined {
  return table.find(([, phrases]) => phrases.some((p) => affirmed(w, p).length > 0))?.[0];
}
