import type { Lexicon } from './lexicon';
import { BOUNDARY, createLexiconTokeniser, squeeze, type Token } from '../language/lexicon-tokens';
import { standardWords } from '../language/normalise';
import { isRoot, stemWord } from '../language/stem';

// Triage's own reading on top of the shared tokeniser (src/language/lexicon-tokens.ts): the
// base gives each word and its stems; this adds what only the triage lexicon knows. Pure, like the rest of triage.

/** Tokens for matching the triage lexicon: the shared tokens, plus dialect stems, SMS shorthand and compounds. */
export function createTriageTokeniser(lexicon: Lexicon) {
  const aliases = new Map(Object.entries(lexicon.stemAliases).map(([k, v]) => [squeeze(k), squeeze(v)]));
  const compounds = Object.entries(lexicon.compounds).map(([k, v]) => ({ words: k.split(/\s+/).map(squeeze), word: squeeze(v) }));
  // Dialect stems and compounds are known words: the base must not split them into pieces.
  const extraWords = [...aliases.keys(), ...aliases.values()];
  const base = createLexiconTokeniser({ ...lexicon, commonWords: [...lexicon.commonWords, ...extraWords] });
  const vocabulary = knownWords(lexicon, extraWords);
  const vowelPrefixes = lexicon.prefixes.filter((p) => /[aiueo]$/.test(p));

  const stemCache = new Map<string, string[]>();
  function stemsOf(word: string): string[] {
    let forms = stemCache.get(word);
    if (!forms) stemCache.set(word, (forms = base(word).flatMap((t) => t.forms)));
    return forms;
  }

  // SMS writes words without their vowels ("prkosa", "pkul", "brdarah"): an unknown word with few vowels is also
  // read as each lexicon word with the same consonants, with or without a leading "d(i)", if only letters are left out.
  const bySkeleton = new Map<string, string[]>();
  for (const word of vocabulary) {
    const key = skeleton(word);
    if (word.length >= 4 && key.length >= 3) bySkeleton.set(key, [...(bySkeleton.get(key) ?? []), word]);
  }
  function vowelless(word: string): string[] {
    const consonants = skeleton(word).length;
    if (consonants < 3 || (word.length - consonants) * 2 > consonants) return [];
    return [word, word.replace(/^di?/, '')].flatMap((w) => (bySkeleton.get(skeleton(w)) ?? []).filter((known) => isSubsequence(w, known)));
  }

  function enrich(token: Token, acronyms: Set<string>): Token {
    if (token.word === BOUNDARY) return token;
    const forms = new Set(token.forms);
    // Squeezing merged a letter the prefix shares with the stem: "diikat" → "dikat" is "di" + "ikat".
    for (const prefix of vowelPrefixes) {
      const rest = token.word.slice(prefix.length);
      if (token.word.startsWith(prefix) && rest.length >= 3 && !/^[aiueo]/.test(rest)) stemsOf(prefix.slice(-1) + rest).forEach((f) => forms.add(f));
    }
    // The shared language layer's reading of the word: its vocabularies (informal Indonesian, Jombang Javanese,
    // Mukomuko Malay: "dikaploki" is "ditampar") and Sastrawi's root of the standard word ("diceburkan" → "cebur").
    for (const standard of standardWords(token.word)) {
      if (standard === token.word && forms.has(squeeze(stemWord(standard)))) continue;
      stemsOf(squeeze(standard)).forEach((f) => forms.add(f));
      forms.add(squeeze(stemWord(standard)));
    }
    // A dialect root under Indonesian affixes: "dikaploki" has the root "kaplok", which the Javanese vocabulary reads
    // as "tampar"; so every stripped root is looked up too.
    for (const form of [...forms]) {
      if (form === token.word || form.length < 4) continue;
      const [standard, ...more] = standardWords(form);
      if (standard && more.length === 0 && standard !== form) stemsOf(squeeze(standard)).forEach((f) => forms.add(f));
    }
    // "dipukua" has the stem "pukua", which is Mukomuko for "pukul": the Indonesian stem is a form of the word too.
    for (const form of [...forms]) {
      const alias = aliases.get(form);
      if (alias) stemsOf(alias).forEach((f) => forms.add(f));
    }
    // Mukomuko Malay says a word's last syllable its own way ("dicubik", "takuik", "paneh", "tidua"): an unknown form
    // is also read as the lexicon word it is with the Indonesian ending, so the whole word family needs no list.
    // Javanese "-aken" / "-ake" is the Indonesian "-kan": "dinikahaken", "dilecehake" are "dinikahkan", "dilecehkan".
    const kan = /^([a-z]{4,}?)ak(?:en|e)$/.exec(token.word)?.[1];
    if (kan) stemsOf(`${kan}kan`).forEach((f) => forms.add(f));
    // Not a word already known as it is ("menarik" has the root "tarik", not a Mukomuko "arik" for "arit").
    const unknown = ![...forms].some((f) => vocabulary.has(f) || isRoot(f));
    for (const form of unknown ? [...forms] : []) {
      if (form.length < 4) continue;
      for (const guess of minangEndings(form)) if (vocabulary.has(guess)) stemsOf(guess).forEach((f) => forms.add(f));
    }
    // "PMT", "BPJS", "SAPA" written in capitals in a text that is not shouted are acronyms, not words without vowels.
    if (![...forms].some((f) => vocabulary.has(f)) && !acronyms.has(token.word)) {
      for (const guess of vowelless(token.word)) stemsOf(guess).forEach((f) => forms.add(f));
    }
    return { word: token.word, forms: [...forms] };
  }

  // Chat writes the passive "di-" apart ("di sentuh2", "di edit", "di sebar"), the way the preposition is written: the
  // word after a "di" is also read as the passive, so "disentuh" and "foto diedit" match; "di" stays a word of its own
  // for "tidur di teras".
  function withPassiveApart(tokens: Token[], acronyms: Set<string>): Token[] {
    return tokens.map((token, i) => {
      if (i === 0 || tokens[i - 1]!.word !== 'di' || token.word === BOUNDARY || !/^[a-z]{3,}$/.test(token.word)) return token;
      // "di jemuran", "di lapangan", "di halaman" are places: a noun in "-an" is no passive ("di tinggalkan" is).
      if (/[^k]an$/.test(token.word)) return token;
      const passive = base(`di${token.word}`).filter((t) => t.word !== BOUNDARY);
      if (passive.length !== 1) return token;
      return { word: token.word, forms: [...new Set([...token.forms, ...enrich(passive[0]!, acronyms).forms])] };
    });
  }

  // "demam berdarah" is an illness, "kehilangan" is not "hilang": read as one word, as written.
  function joinCompounds(tokens: Token[]): Token[] {
    const out: Token[] = [];
    for (let i = 0; i < tokens.length; i++) {
      // A compound written exactly comes first: "dolanan" is the compound "dolanan", not "dolan" by its stem.
      const compound =
        compounds.find((c) => c.words.every((w, j) => tokens[i + j]?.word === w)) ??
        compounds.find((c) => c.words.every((w, j) => tokens[i + j]?.word === w || tokens[i + j]?.forms.includes(w)));
      if (compound) {
        out.push({ word: compound.word, forms: [compound.word] });
        i += compound.words.length - 1;
      } else out.push(tokens[i]!);
    }
    return out;
  }

  return (text: string): Token[] => {
    const acronyms = acronymsIn(text);
    // Krama's passive "dipun", written apart as often as joined ("dipun lecehaken", "dipuntilar"), is "di": the verb
    // is read as its ngoko or Indonesian passive ("dilecehaken", "ditilar", "dinikahke").
    const joined = text.replace(/\bdipun\s*(?=\p{L})/giu, 'di');
    return joinCompounds(markBareForcing(withPassiveApart(base(joined).map((token) => enrich(token, acronyms)), acronyms)));
  };
}

function knownWords(lexicon: Lexicon, extra: string[]): Set<string> {
  const words = new Set<string>();
  const add = (phrase: string) => phrase.split(/\s+/).forEach((w) => words.add(squeeze(w)));
  for (const signal of lexicon.signals) signal.terms.forEach(add);
  for (const terms of Object.values(lexicon.signalCategories)) terms?.forEach(add);
  [...lexicon.commonWords, ...lexicon.negators, ...lexicon.negationCancellers, ...lexicon.clauseBreaks, ...extra].forEach(add);
  for (const [k, v] of Object.entries(lexicon.abbreviations)) (add(k), add(v));
  return words;
}

/** Words of 2 to 6 capitals in a text mostly in lower case: acronyms ("PMT", "KIS"). A shouted text has none. */
function acronymsIn(text: string): Set<string> {
  const letters = text.match(/\p{L}/gu) ?? [];
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  if (upper * 2 > letters.length) return new Set();
  return new Set((text.match(/\b[A-Z]{2,6}\b/g) ?? []).map((w) => w.toLowerCase()));
}

// "ambo dipaso dek guru les ambo", "dipaksa oleh kakak iparnya yang serumah", "ambo dipaso.": forced, by someone, to
// nothing said, is how a child or a careful adult names sexual abuse. Forced to something ("dipaksa jualan",
// "dipaksa ikut les") is not this. Such a "dipaksa" gets the form BARE_FORCING, a term of the lexicon.
const BARE_FORCING = 'paksasamar';
const AGENT_WORDS = new Set(['sama', 'oleh', 'dek', 'anak', 'karo', 'kalih', 'kaliyan', 'dengan', 'by', 'urang', 'orang']);
const NOT_WORDS = new Set(['tidak', 'bukan', 'belum']);
const RELATIVE_WORDS = new Set(['yang', 'nan', 'sing', 'ingkang', 'who']);
const FORCED_TO = new Set([
  'kerja', 'jual', 'jualan', 'nikah', 'kawin', 'minum', 'makan', 'emis', 'ngemis', 'amen', 'ngamen', 'ikut', 'belajar',
  'sekolah', 'pulang', 'pergi', 'bayar', 'kirim', 'layan', 'pegang', 'masuk', 'pindah', 'aku', 'tanda', 'bantu', 'jaga', 'cari',
  'angkat', 'bawa', 'pakai', 'potong', 'cukur', 'puasa', 'ngaji', 'hapus', 'diam', 'video', 'foto', 'mandi', 'sholat', 'shalat',
  'tinggal', 'ambil', 'beli', 'antar', 'keluar', 'berhenti', 'rokok', 'merokok', 'tidur', 'lihat', 'nonton', 'cium', 'buka',
]);

function markBareForcing(tokens: Token[]): Token[] {
  return tokens.map((token, at) => {
    if (!/^d/.test(token.word) || !token.forms.includes('paksa')) return token;
    // "indak dipaso", "bukan dipaksa": no forcing told at all, not a harm denied.
    if (tokens.slice(Math.max(0, at - 2), at).some((t) => NOT_WORDS.has(t.word))) return token;
    const rest: Token[] = [];
    for (let i = at + 1; i < tokens.length && tokens[i]!.word !== BOUNDARY && !RELATIVE_WORDS.has(tokens[i]!.word); i++) rest.push(tokens[i]!);
    const byAgent = rest.length === 0 || AGENT_WORDS.has(rest[0]!.word);
    const toNothing = rest.length <= 4 && !rest.some((t) => t.forms.some((f) => FORCED_TO.has(f)));
    return byAgent && toNothing ? { word: token.word, forms: [...token.forms, BARE_FORCING] } : token;
  });
}

// Mukomuko (Minangkabau-leaning) final syllables and the Indonesian ones they stand for: cubik → cubit, takuik → takut,
// paneh → panas, tidua → tidur, jatuah → jatuh, kasiah → kasih, tangkok → tangkap, kuruang → kurung, tingga → tinggal.
const MINANG_ENDINGS: readonly [RegExp, readonly string[]][] = [
  [/uik$/, ['ut']], [/uah$/, ['uh']], [/iah$/, ['ih']], [/uang$/, ['ung']], [/ik$/, ['it']], [/ek$/, ['at']],
  [/eh$/, ['as']], [/ok$/, ['ap']], [/ia$/, ['ir']], [/ua$/, ['ul', 'ur']], [/a$/, ['al', 'ar']],
];

function minangEndings(word: string): string[] {
  return MINANG_ENDINGS.flatMap(([ending, indonesian]) => (ending.test(word) ? indonesian.map((to) => squeeze(word.replace(ending, to))) : []));
}

const skeleton = (word: string) => word.replace(/[aiueo]/g, '');

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const letter of long) if (letter === short[at]) at++;
  return at === short.length;
}
