// The tokens triage's lexicon matches against, beside the rest of the reading of reporters' words.
// The vocabulary it needs is given as data (triage passes its lexicon), so this file knows nothing of triage.

/** The parts of a lexicon the tokeniser uses: spellings to expand, affixes to strip, words it knows. */
export interface TokenVocabulary {
  abbreviations: Readonly<Record<string, string>>;
  prefixes: readonly string[];
  suffixes: readonly string[];
  shortWords: readonly string[];
  commonWords: readonly string[];
  negators: readonly string[];
  negationCancellers: readonly string[];
  clauseBreaks: readonly string[];
  signals: readonly { terms: readonly string[] }[];
  signalCategories: Readonly<Partial<Record<string, readonly string[]>>>;
}

// Turns a reporter's informal text into tokens whose `forms` are the word and its possible stems, so the lexicon's
// stems match "dipukulin", "mukul", "digebuki" and "tolooong" alike. Punctuation becomes a clause boundary.

export interface Token {
  /** The word after spelling clean-up and SMS expansion ("gk" → "tidak"); "|" for a clause boundary. */
  word: string;
  /** The word and every stem its affixes allow, all squeezed (no doubled letters). */
  forms: string[];
}

export const BOUNDARY = '|';

/** "tolooong" → "tolong", "tinggal" → "tingal": doubled letters are never meaningful in matching. */
export function squeeze(word: string): string {
  return word.replace(/([a-z])\1+/g, '$1');
}

export function createLexiconTokeniser(lexicon: TokenVocabulary) {
  const abbreviations = new Map(Object.entries(lexicon.abbreviations).map(([k, v]) => [squeeze(k), squeeze(v)]));
  const prefixes = [...new Set(lexicon.prefixes)].sort((a, b) => b.length - a.length);
  const suffixes = [...new Set(lexicon.suffixes)].sort((a, b) => b.length - a.length);
  const shortWords = new Set(lexicon.shortWords.map(squeeze));
  const vocabulary = new Set<string>();
  const addWords = (phrase: string) => phrase.split(/\s+/).forEach((w) => vocabulary.add(squeeze(w)));
  for (const signal of lexicon.signals) signal.terms.forEach(addWords);
  for (const terms of Object.values(lexicon.signalCategories)) terms?.forEach(addWords);
  [...lexicon.commonWords, ...lexicon.negators, ...lexicon.negationCancellers, ...lexicon.clauseBreaks].forEach(addWords);
  for (const [k, v] of abbreviations) vocabulary.add(k).add(v);

  function stems(word: string): string[] {
    const out = new Set([word]);
    for (const afterPrefix of stripPrefixes(word, prefixes)) {
      for (const stem of stripSuffixes(afterPrefix, suffixes)) if (stem.length >= 3) out.add(squeeze(stem));
    }
    return [...out];
  }

  function toToken(raw: string): Token {
    const squeezed = squeeze(raw);
    const word = abbreviations.get(squeezed) ?? squeezed;
    if (word !== squeezed || raw === squeezed) return { word, forms: stems(word) };
    // Squeezing can eat the edge between a stem and its suffix: "kemaluannya" → "kemaluanya", "dikunciin" → "dikuncin".
    // The affixes stripped from the word as written give the stem back.
    return { word, forms: [...new Set([...stems(word), ...stems(raw).map(squeeze)])] };
  }

  const isKnown = (token: Token) => token.forms.some((f) => vocabulary.has(f));

  /** "anaksy" → "anak" "saya", "tolongdipukul" → "tolong" "dipukul"; unknown words stay whole. */
  function split(raw: string): Token[] {
    const whole = toToken(raw);
    if (raw.length < 5 || isKnown(whole) || /\d/.test(raw)) return [whole];
    const word = squeeze(raw);
    const best: (string[] | undefined)[] = [[]];
    for (let end = 1; end <= word.length; end++) {
      for (let start = Math.max(0, end - 16); start < end; start++) {
        const before = best[start];
        const piece = word.slice(start, end);
        if (!before || before.length >= 4) continue;
        const known = shortWords.has(piece) || (piece.length >= 3 && isKnown(toToken(piece)));
        if (known && (!best[end] || best[end]!.length > before.length + 1)) best[end] = [...before, piece];
      }
    }
    const pieces = best[word.length];
    return pieces && pieces.length > 1 ? pieces.map(toToken) : [whole];
  }

  return function normaliseText(text: string): Token[] {
    const plain = text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/([a-z]{2,})2(?![0-9])/g, '$1 $1'); // "pukul2" is the written reduplication "pukul-pukul"
    const tokens: Token[] = [];
    for (const clause of plain.split(/[.,!?;:\n()"]+/)) {
      for (const raw of clause.split(/[^a-z0-9]+|(?<=[0-9])(?=[a-z])|(?<=[a-z])(?=[0-9])/)) {
        if (raw) tokens.push(...split(raw));
      }
      if (tokens.length && tokens[tokens.length - 1]!.word !== BOUNDARY) tokens.push({ word: BOUNDARY, forms: [] });
    }
    return tokens;
  };
}

function stripPrefixes(word: string, prefixes: readonly string[]): string[] {
  const out = [word];
  for (const first of prefixes) {
    if (!word.startsWith(first) || word.length - first.length < 3) continue;
    const rest = word.slice(first.length);
    out.push(...restoreNasal(first, rest));
    // Two layers at most: "di-per-", "ke-ter-", "mem-per-".
    for (const second of prefixes) {
      if (rest.startsWith(second) && rest.length - second.length >= 3) out.push(...restoreNasal(second, rest.slice(second.length)));
    }
  }
  return out;
}

// me-/pe- and the bare Javanese/colloquial nasals swallow the stem's first consonant: memukul → pukul, nyiksa → siksa.
const NASAL_RESTORE: Record<string, string> = {
  m: 'p', mem: 'p', pem: 'p', n: 't', men: 't', pen: 't', ny: 's', meny: 's', peny: 's', ng: 'k', meng: 'k', peng: 'k',
};

function restoreNasal(prefix: string, rest: string): string[] {
  const consonant = NASAL_RESTORE[prefix];
  return consonant && /^[aiueo]/.test(rest) ? [rest, consonant + rest] : [rest];
}

function stripSuffixes(word: string, suffixes: readonly string[]): string[] {
  const out = [word];
  for (const first of suffixes) {
    if (!word.endsWith(first) || word.length - first.length < 3) continue;
    const rest = word.slice(0, -first.length);
    out.push(rest);
    for (const second of suffixes) if (rest.endsWith(second) && rest.length - second.length >= 3) out.push(rest.slice(0, -second.length));
  }
  return out;
}
