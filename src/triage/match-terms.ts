import type { Lexicon } from './lexicon';
import { BOUNDARY, squeeze, type Token } from '../language/lexicon-tokens';

const WIDE = new Set(['anak', 'rumah']);
const OR_WORDS = new Set(['atau', 'ataupun', 'maupun', 'or', 'nor', 'utawa', 'opo', 'apo']);

/** What a term absent from the text matches: one frozen empty list for all of them. */
const NO_MATCH: TermMatch[] = Object.freeze([]) as unknown as TermMatch[];

export interface TermMatch {
  term: string;
  negated: boolean;
  /** The index of the term's first token. */
  at: number;
}

/** Every place a lexicon term (one word or a phrase) occurs among the tokens, with whether it is negated there. */
export function createTermMatcher(lexicon: Lexicon) {
  const negators = new Set(lexicon.negators.map(squeeze));
  const cancellers = new Set(lexicon.negationCancellers.map(squeeze));
  const breaks = new Set(lexicon.clauseBreaks.map(squeeze));
  const conditionals = new Set(lexicon.conditionals.map(squeeze));

  // "tidak dipukul lagi", "gk pernah dipukul": a negator up to `negationWindow` words before the term, in the same
  // clause, negates it; "tidak tahu", "tidak hanya" do not negate what follows, nor does a negated condition.
  function isNegated(tokens: Token[], start: number): boolean {
    let reach = start - lexicon.negationWindow;
    for (let i = start - 1; i >= 0 && i >= reach; i--) {
      const word = tokens[i]!.word;
      // "tidak ada tanda kekerasan atau niat menyakiti diri": a negation reaches every item of a list joined by "or".
      if (OR_WORDS.has(word)) reach = i - lexicon.negationWindow - 1;
      if (word === BOUNDARY || breaks.has(word)) return false;
      // "kalau ga dapet uang dipukulin": the negator belongs to the condition; the harm is what follows it.
      // A canceller negated is itself negated: "tidak mau dinikahkan" is no plan, "tidak mau mati" no wish to die.
      if (negators.has(word)) return (i + 1 === start || !cancellers.has(tokens[i + 1]?.word ?? '')) && !conditionOf(tokens, i, start);
    }
    return false;
  }

  // "kalau ga dapet uang dipukulin", "kalau aku tidak kirim lagi nanti disebar", "nek mengko bengi ra ngirim arep
  // disebar": a negator in a condition ("if I do not send") negates the condition, not the threat that follows. The
  // condition word may stand a few words before the negator, but then the negator must not stand right before the
  // term: "kalau aku tidak dipukul" still denies the beating.
  function conditionOf(tokens: Token[], negator: number, start: number): boolean {
    if (conditionals.has(tokens[negator - 1]?.word ?? '')) return true;
    if (negator + 1 === start) return false;
    for (let i = negator - 2; i >= 0 && i >= negator - 3; i--) {
      const word = tokens[i]!.word;
      if (word === BOUNDARY || breaks.has(word)) return false;
      if (conditionals.has(word)) return true;
    }
    return false;
  }

  // A term's words, squeezed once: the terms are the lexicon's (a fixed set), and every report is matched against all
  // of them (splitting and squeezing them each time was a tenth of the worker's triage CPU).
  const termWords = new Map<string, { first: string; rest: string[] }>();
  // A term's word goes through the shorthand map the text's words go through: the text's "adik" is read as "anak" and
  // its "indak" as "tidak", so a term written "jaga adik" or "indak namuah mambaok" could never match as written.
  // Not when the map widens a word to one found everywhere ("adik" → "anak", "omah" → "rumah"): "jaga adik" is not
  // "jaga anak"; such terms are left out of the lexicon instead.
  const shorthand = new Map(
    Object.entries(lexicon.abbreviations).map(([k, v]) => [squeeze(k), squeeze(v)] as const).filter(([, v]) => !WIDE.has(v)),
  );
  const wordsOf = (term: string) => {
    let words = termWords.get(term);
    if (!words) {
      const [first, ...rest] = term.split(/\s+/).map(squeeze).map((w) => shorthand.get(w) ?? w);
      termWords.set(term, (words = { first: first!, rest }));
    }
    return words;
  };

  // Every form the text's tokens have, gathered once per text: most terms' first word is none of them, and such a term
  // is passed over at once instead of searched for token by token. Token arrays are not changed once read.
  const formsIn = new WeakMap<Token[], ReadonlySet<string>>();
  const formsOf = (tokens: Token[]) => {
    let forms = formsIn.get(tokens);
    if (!forms) formsIn.set(tokens, (forms = new Set(tokens.flatMap((t) => t.forms))));
    return forms;
  };

  return function matchTerm(tokens: Token[], term: string): TermMatch[] {
    const { first, rest } = wordsOf(term);
    if (!formsOf(tokens).has(first)) return NO_MATCH;
    const matches: TermMatch[] = [];
    const isShort = rest.length === 0 && first.length <= SHORT_TERM;
    for (let i = 0; i < tokens.length; i++) {
      const found = isShort ? writtenAs(tokens[i]!, first) : tokens[i]!.forms.includes(first);
      if (found && phraseFollows(tokens, i + 1, rest)) {
        matches.push({ term, negated: isNegated(tokens, i), at: i });
      }
    }
    return matches;
  };
}

/** A one-word term this short ("les", "nik", "kia", "bo") is an acronym or a short word: found as written, not as a
 * stem left over from a longer word ("dibales" → "les", "niki" → "nik"), which hid a child needing help behind a
 * welfare question. */
const SHORT_TERM = 3;
const POSSESSIVE = /^(?:nya|ne|e|ku|mu|nyo)$/;
const writtenAs = (token: Token, term: string) =>
  token.word === term || (token.word.startsWith(term) && POSSESSIVE.test(token.word.slice(term.length)));

// The rest of a phrase, in order, with at most one other word between its words ("dibawa agen ke malaysia"), in one clause.
function phraseFollows(tokens: Token[], from: number, words: string[]): boolean {
  let at = from;
  for (const word of words) {
    const next = [at, at + 1].find((i) => tokens[i]?.forms.includes(word) && !tokens.slice(at, i).some((t) => t.word === BOUNDARY));
    if (next === undefined) return false;
    at = next + 1;
  }
  return true;
}
