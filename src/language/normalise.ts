import { stemWord, isRoot } from './stem';
import { INFORMAL_INDONESIAN } from './vocabulary/informal-indonesian';
import { JAVANESE_JOMBANG } from './vocabulary/javanese-jombang';
import { MUKOMUKO_MALAY } from './vocabulary/mukomuko-malay';

// What a reporter typed, as standard Indonesian words: lower case, SMS spellings and slang expanded ("lg" → "lagi"),
// Javanese and Mukomuko Malay words turned into their Indonesian ones ("ora" → "tidak", "dipukua" → "dipukuli"),
// reduplication collapsed ("pukul2", "dipukul-pukul"), the colloquial "-in" made standard ("dipukulin" → "dipukuli").
// Pure functions over strings; answer readers, the danger check and triage build on them.

/** Informal Indonesian first: where the languages spell one word differently, chat Indonesian is the commonest. */
const VOCABULARY: ReadonlyMap<string, string> = new Map([
  ...Object.entries(MUKOMUKO_MALAY),
  ...Object.entries(JAVANESE_JOMBANG),
  ...Object.entries(INFORMAL_INDONESIAN),
]);

/** Reduplications that are one word, not emphasis: kept whole. */
const LEXICAL_PAIRS = new Set(['laki-laki', 'kira-kira', 'tiba-tiba', 'hati-hati', 'kupu-kupu', 'mata-mata', 'anak-anak']);

/** The colloquial "-in" stands for "-kan" after these roots ("ditelantarin" → "ditelantarkan"), else for "-i". */
const KAN_ROOTS = new Set(['telantar', 'tinggal', 'biar', 'diam', 'lupa', 'buang', 'nikah', 'kawin', 'jual', 'kurung', 'usir']);

export const CLAUSE_BREAK = '|';

/** Lower case, accents and control characters gone, a letter typed three times or more once ("tolooong"). */
export function plainText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/([a-z])\1{2,}/g, '$1')
    .replace(/['’]s\b/g, '') // "neighbour's"
    .replace(/\b([a-z]{2,})2([a-z]*)\b/g, '$1-$1$2') // "pukul2" is written "pukul-pukul"
    .replace(/(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)/g, ' '); // "4thn", "umur4"
}

/** The standard words of the text, clause by clause ("," "." "!" "?" and new lines end a clause). */
export function clauses(text: string): string[][] {
  return plainText(text)
    .split(/[.,!?;:\n()"]+/)
    .map((clause) => (clause.match(/[a-z0-9]+(?:[-'][a-z0-9]+)*/g) ?? []).flatMap(standardWords))
    .filter((words) => words.length > 0);
}

/** The standard words of the text, in order. */
export function tokens(text: string): string[] {
  return clauses(text).flat();
}

/** The text as standard Indonesian words separated by spaces: "iya bu tolong anaknya lagi dipukuli bapaknya sekarang". */
export function normalise(text: string): string {
  return clauses(text).map((c) => c.join(' ')).join(', ');
}

/** The root of every word of the text, in order ("dipukulin bapaknya" → "pukul", "bapak"). */
export function stems(text: string): string[] {
  return tokens(text).map(stemWord);
}

/** One typed word as one or more standard words. */
export function standardWords(raw: string): string[] {
  const word = collapsePair(raw);
  const mapped = lookUp(word) ?? possessive(word);
  if (mapped) return mapped.split(' ');
  return [standardSuffix(word)];
}

// "-nya" on a word the vocabulary maps ("omnya" → "pamannya"), and as Minangkabau ("tatangganyo") and Javanese
// ("pamane", "gurune") write it.
// Krama Javanese says "-ipun" / "-nipun" ("eyangipun", "griyanipun").
const POSSESSIVES: readonly RegExp[] = [
  /^([a-z]{2,})nya$/, /^([a-z]{3,})nyo$/, /^([a-z]{2,}[aiueo])nipun$/, /^([a-z]{2,})ipun$/, /^([a-z]{2,}[aiueo])ne$/, /^([a-z]{2,}[^aiueo])e$/,
];

function possessive(word: string): string | undefined {
  if (isRoot(word)) return undefined;
  for (const pattern of POSSESSIVES) {
    const base = pattern.exec(word)?.[1];
    if (!base) continue;
    const known = lookUp(base) ?? (isRoot(base) ? base : undefined);
    if (known && !known.includes(' ')) return `${known}nya`;
  }
  return undefined;
}

function lookUp(word: string): string | undefined {
  const direct = VOCABULARY.get(word);
  if (direct) return direct;
  // Javanese writes its dental stops "dh" and "th" ("mandheg", "dhewe", "kathok") where chat often writes "d", "t".
  if (/[dt]h/.test(word)) {
    const plain = word.replace(/([dt])h/g, '$1');
    const found = VOCABULARY.get(plain) ?? (isRoot(plain) ? plain : undefined);
    if (found) return found;
  }
  // "iyaa", "tidakk": doubled letters from typing fast, when the word without them is known.
  // A word that is a root as typed stays: "saat" is not "sat", "maaf" not "maf".
  const squeezed = word.replace(/([a-z])\1+/g, '$1');
  if (squeezed === word || isRoot(word)) return undefined;
  return VOCABULARY.get(squeezed) ?? (isRoot(squeezed) ? squeezed : undefined);
}

/** "pukul-pukul" → "pukul", "dipukul-pukul" → "dipukul", "anak-anaknya" → "anaknya"; "laki-laki" stays. */
function collapsePair(word: string): string {
  if (!word.includes('-') || LEXICAL_PAIRS.has(word)) return word;
  const [first, second] = word.split('-', 2) as [string, string];
  if (first === second) return first;
  if (first.includes(second)) return first;
  if (second.includes(first)) return second;
  return word;
}

/** The colloquial "-in" ("dipukulin", "ditelantarin", "mukulin") in its standard form, when it leads to a known root. */
function standardSuffix(word: string): string {
  // "dirahasiakn", "sembunyikn": no Indonesian word ends in "kn"; it is "-kan" with the vowel dropped, as in chat.
  if (/[a-z]{3}kn$/.test(word)) return `${word.slice(0, -2)}kan`;
  if (!/[a-z]{3}in$/.test(word) || isRoot(word)) return word;
  const base = word.slice(0, -2);
  const root = stemWord(`${base}i`);
  if (!isRoot(root)) return word;
  return KAN_ROOTS.has(root) ? `${base}kan` : `${base}i`;
}
