import { ageBandOf, type AgeBand } from '../reports/report-vocabulary';
import { plainText, standardWords } from './normalise';

// A child's age as people write it: "4", "4 thn", "umur 4", "around 4", "empat tahun", "papat taun", "8 bulan",
// "kelas 3 SD", "balita", "SMP". At the age question a bare number is the age in years.

export interface AgeReading {
  /** Years, when the text gives a number (babies counted in months are 0). */
  age?: number;
  /** The band the age falls in, or the one a word names ("balita", "SMP"); 'adult' from 18. */
  band: AgeBand | 'adult';
}

/** Numbers written as words, after normalising (so Javanese "papat", "selawe" and Minang "ampek", "duo puluah" too). */
const UNITS: Readonly<Record<string, number>> = {
  nol: 0, satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const WHOLE: Readonly<Record<string, number>> = {
  sepuluh: 10, sebelas: 11, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** The number written in words from `i` on ("dua puluh lima", "tujuh belas", "twenty five", "sepuluh") and how many words it takes. */
function numberWords(words: readonly string[], i: number): { n: number; length: number } | undefined {
  const w = words[i]!;
  const next = words[i + 1];
  if (WHOLE[w] !== undefined) return { n: WHOLE[w]!, length: 1 };
  if (TENS[w] !== undefined) {
    const unit = next === undefined ? undefined : UNITS[next];
    return unit ? { n: TENS[w]! + unit, length: 2 } : { n: TENS[w]!, length: 1 };
  }
  const unit = UNITS[w];
  if (unit === undefined) return undefined;
  if (next === 'belas') return { n: 10 + unit, length: 2 };
  if (next === 'puluhan') return { n: unit * 10, length: 2 }; // "dua puluhan": in the twenties
  if (next === 'puluh') {
    const after = words[i + 2];
    const ones = after === undefined ? undefined : UNITS[after];
    return ones ? { n: unit * 10 + ones, length: 3 } : { n: unit * 10, length: 2 };
  }
  return { n: unit, length: 1 };
}

const HEDGES = ['umur', 'umurnya', 'usia', 'usianya', 'sekitar', 'kira-kira', 'kira', 'kurang', 'lebih', 'kurang lebih', 'mungkin',
  'around', 'about', 'approx', 'approximately', 'maybe', 'roughly', 'age', 'aged', 'is', 'baru', 'anak', 'anaknya', 'sudah', 'masih',
  'dia', 'ia', 'he', 'she', 'nya', 'kurleb', 'an', 'ya', 'saya', 'rasa', 'kayaknya', 'sepertinya', 'tahunan'];
const YEAR_UNITS = ['tahun', 'tahunan', 'years', 'year', 'yrs', 'yr', 'yo', 'y', 'old', 'th'];
// "wulan" (Javanese month) only here: as a word of its own it is as often a name.
const MONTH_UNITS = ['bulan', 'months', 'month', 'mo', 'minggu', 'weeks', 'hari', 'days', 'wulan'];

const BAND_WORDS: readonly [AgeBand, readonly string[]][] = [
  ['0-5', ['bayi', 'balita', 'batita', 'baby', 'toddler', 'paud', 'tk']],
  ['6-12', ['sd', 'mi']],
  ['13-17', ['smp', 'sma', 'smk', 'mts', 'ma', 'remaja', 'teen', 'teenager']],
];

/** The age an answer to "how old is the child?" gives; undefined when it gives none. */
export function readAgeAnswer(text: string): AgeReading | undefined {
  const words = ageWords(text);
  const numbers = words.map((w, i) => ({ w, i, n: numberAt(words, i) })).filter((x) => x.n !== undefined);
  const school = schoolGrade(words);
  if (school) return school;
  if (numbers.length === 0) return bandWord(words) ?? adultWord(words) ?? newborn(words) ?? oneUnit(words);
  if (numbers.length > 1 && new Set(numbers.map((x) => ageBandOf(x.n!))).size > 1) return undefined; // "4 atau 14?"
  const { n, i } = numbers[0]!;
  if (n! > 120) return undefined;
  const rest = words.filter((w, j) => j !== i && !HEDGES.includes(w) && !YEAR_UNITS.includes(w) && !numberWordAt(words, j));
  if (rest.some((w) => MONTH_UNITS.includes(w))) return { age: 0, band: '0-5' };
  if (numbers.length > 1) return { band: ageBandOf(n!) }; // "4-5 tahun": the band they share
  return { age: n!, band: ageBandOf(n!) };
}

/** The age a story states ("umur 4", "anak 4 tahun", "bayi 8 bulan"), never "sudah 2 tahun dipukuli". */
export function readAgeInStory(text: string): AgeReading | undefined {
  const words = ageWords(text);
  for (let i = 0; i < words.length; i++) {
    const n = numberAt(words, i);
    if (n === undefined) continue;
    const before = words[i - 1] ?? '';
    const after = words[i + numberLength(words, i)] ?? '';
    if (['sudah', 'selama', 'sejak', 'lebih', 'hampir', 'kelas'].includes(before) && !['umur', 'usia'].includes(before)) continue;
    if (MONTH_UNITS.slice(0, 2).includes(after) && ['bayi', 'umur', 'usia', 'umurnya', 'usianya', 'anak', 'baru'].includes(before)) return { age: 0, band: '0-5' };
    const aged = ['umur', 'umurnya', 'usia', 'usianya', 'aged', 'age'].includes(before) || ['tahun', 'years', 'yo', 'th'].includes(after);
    if (aged && n <= 17) return { age: n, band: ageBandOf(n) };
  }
  return schoolGrade(words) ?? bandWord(words);
}

function ageWords(text: string): string[] {
  return (plainText(text).replace(/±|\+-/g, ' sekitar ').match(/[a-z0-9]+/g) ?? []).flatMap((w) => {
    const stripped = /^(\d+)an$/.exec(w)?.[1]; // "4an", "10an"
    return stripped ? [stripped] : standardWords(w).flatMap((s) => s.split(/[\s-]+/));
  });
}

interface NumberSpan {
  n: number;
  length: number;
}

/** The numbers in the words, by the word each starts at, read left to right once ("dua puluh lima tahun": 0 → 25). */
const spansCache = new WeakMap<readonly string[], ReadonlyMap<number, NumberSpan>>();
function numbersIn(words: readonly string[]): ReadonlyMap<number, NumberSpan> {
  let spans = spansCache.get(words);
  if (spans) return spans;
  const found = new Map<number, NumberSpan>();
  for (let i = 0; i < words.length; ) {
    const span = /^\d{1,3}$/.test(words[i]!) ? { n: Number(words[i]), length: 1 } : numberWords(words, i);
    if (span) found.set(i, span);
    i += span?.length ?? 1;
  }
  spans = found;
  spansCache.set(words, spans);
  return spans;
}

const numberAt = (words: string[], i: number): number | undefined => numbersIn(words).get(i)?.n;

/** Whether word `j` continues a number begun before it ("puluh" and "lima" in "dua puluh lima"). */
function numberWordAt(words: string[], j: number): boolean {
  for (const [start, span] of numbersIn(words)) if (start < j && j < start + span.length) return true;
  return false;
}

/** How many words the number at `i` takes. */
const numberLength = (words: string[], i: number) => numbersIn(words).get(i)?.length ?? 1;

const SCHOOL_LEVEL_OFFSET: Readonly<Record<string, number>> = { sd: 0, mi: 0, smp: 6, mts: 6, sma: 9, smk: 9, ma: 9, slta: 9, sltp: 6 };

/** "kelas 3 SD" is a primary pupil, "kelas 8" a junior secondary one: the band, not the number. */
function schoolGrade(words: string[]): AgeReading | undefined {
  const at = words.indexOf('kelas');
  const grade = at >= 0 ? numberAt(words, at + 1) : undefined;
  if (grade === undefined || grade < 1 || grade > 12) return undefined;
  // "kelas 2 SMP" is the eighth year at school, "kelas 1 SMA" the tenth.
  const level = [...words.slice(at + 2, at + 4), ...words.slice(Math.max(0, at - 2), at)].find((word) => SCHOOL_LEVEL_OFFSET[word] !== undefined);
  const year = grade + (level ? SCHOOL_LEVEL_OFFSET[level]! : 0);
  return { band: year <= 6 ? '6-12' : '13-17' };
}

/** As the whole answer to the age question, "sudah dewasa" / "adult" is an adult; "belum dewasa" is not. In a story
 * "orang dewasa" is someone else, so only here. */
function adultWord(words: string[]): AgeReading | undefined {
  const at = words.findIndex((w) => w === 'dewasa' || w === 'adult' || w === 'grown');
  if (at < 0 || words.slice(Math.max(0, at - 3), at).some((w) => ['belum', 'tidak', 'bukan', 'not', 'yet'].includes(w))) return undefined;
  if (words.includes('atau') || words.includes('or')) return undefined; // "dewasa atau anak?": a question back
  return { band: 'adult' };
}

/** "setahun", "sebulan" as the answer: one year, one month. Only here: a story's "setahun lalu" is a time. */
function oneUnit(words: string[]): AgeReading | undefined {
  if (words.includes('setahun')) return { age: 1, band: '0-5' };
  return words.includes('sebulan') || words.includes('seminggu') ? { age: 0, band: '0-5' } : undefined;
}

/** "baru lahir", "newborn": only as an answer, a story's "lahir di Malaysia" says nothing of the age. */
const newborn = (words: string[]): AgeReading | undefined =>
  words.includes('newborn') || words.some((w, i) => w === 'lahir' && words[i - 1] === 'baru') ? { band: '0-5' } : undefined;

function bandWord(words: string[]): AgeReading | undefined {
  const band = BAND_WORDS.find(([, names]) => names.some((n) => words.includes(n)))?.[0];
  return band ? { band } : undefined;
}
