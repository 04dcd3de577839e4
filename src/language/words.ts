import { CLAUSE_BREAK, clauses, standardWords } from './normalise';
import { stemWord } from './stem';
import { oncePerTurn } from './turn';

// A text read once for matching: its standard words and their roots side by side, with a clause break between
// clauses, so a phrase never spans two clauses and a negation never reaches into the next one.

export interface Words {
  tokens: readonly string[];
  stems: readonly string[];
}

/**
 * Read once per turn (turn.ts): danger, the story and the step's reader all start from this reading, so it is frozen:
 * a reader that changed it would change what the next one reads.
 */
export const readWords = oncePerTurn((text: string): Words => {
  const tokens = clauses(text).flatMap((c) => [...c, CLAUSE_BREAK]);
  return Object.freeze({ tokens: Object.freeze(tokens), stems: Object.freeze(tokens.map((t) => (t === CLAUSE_BREAK ? t : stemWord(t)))) });
});

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

/** The words and roots a reading holds, to skip at once a phrase with a word it does not hold (most phrases). */
interface WordSets {
  tokens: ReadonlySet<string>;
  stems: ReadonlySet<string>;
}
const wordSets = new WeakMap<Words, WordSets>();

function setsOf(w: Words): WordSets {
  let sets = wordSets.get(w);
  if (!sets) wordSets.set(w, (sets = { tokens: new Set(w.tokens), stems: new Set(w.stems) }));
  return sets;
}

/** Shared by every search that finds nothing: never changed (frozen), so one array serves them all. */
const NOWHERE: number[] = Object.freeze([]) as unknown as number[];

/** A phrase word matches a token by the word, or (a root) by the token's root. */
const matches = (w: Words, at: number, p: PhraseWord) =>
  w.tokens[at] === p.word || (p.word === p.stem && w.stems[at] === p.stem);

/** Where a phrase starts among the words (matched by word or by root), every place it occurs. */
export function findPhrase(w: Words, phrase: string): number[] {
  const wanted = phraseWords(phrase);
  const sets = setsOf(w);
  // A root in the phrase matches any form of it ("tetangga": "tetangganya"); an inflected word only itself ("anakku").
  for (const p of wanted) if (!sets.tokens.has(p.word) && !(p.word === p.stem && sets.stems.has(p.stem))) return NOWHERE;
  let found = NOWHERE;
  for (let i = 0; i + wanted.length <= w.tokens.length; i++) {
    let all = true;
    for (let j = 0; j < wanted.length && all; j++) all = matches(w, i + j, wanted[j]!);
    if (!all) continue;
    if (found === NOWHERE) found = [];
    found.push(i);
  }
  return found;
}

export function hasPhrase(w: Words, phrase: string): boolean {
  return findPhrase(w, phrase).length > 0;
}

// English contractions too ("I don't speak Indonesian"): the tokeniser keeps the apostrophe inside the word.
const NEGATORS = new Set(['tidak', 'bukan', 'belum', 'jangan', 'tanpa', 'no', 'not', 'never', 'pernah', "don't", 'dont', "doesn't", 'doesnt', "can't", 'cant', 'cannot', "didn't", 'didnt', "won't", "isn't", "wasn't"]);
const NEGATION_WINDOW = 3;
/** After a negator, "it is fine" ("tidak apa-apa", "ga papa", "ora popo", "gak masalah"): no negation of what follows. */
export const IT_IS_FINE: ReadonlySet<string> = new Set(['apa', 'papa', 'popo', 'masalah', 'problem']);

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
  const found = findPhrase(w, phrase);
  return found.length ? found.filter((at) => !isNegated(w, at)) : NOWHERE;
}

/** The first value (in the table's order) one of whose phrases occurs un-negated. */
export function firstConcept<V>(w: Words, table: readonly (readonly [V, readonly string[]])[]): V | undefined {
  for (const [value, phrases] of table) {
    for (const p of phrases) if (affirmed(w, p).length > 0) return value;
  }
  return undefined;
}
