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

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  nol: 0, satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9, sepuluh: 10,
  sebelas: 11, 'dua belas': 12, 'tiga belas': 13, 'empat belas': 14, 'lima belas': 15, 'enam belas': 16, 'tujuh belas': 17,
  'delapan belas': 18, 'sembilan belas': 19, 'dua puluh': 20,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};

const HEDGES = ['umur', 'umurnya', 'usia', 'usianya', 'sekitar', 'kira-kira', 'kira', 'kurang', 'lebih', 'kurang lebih', 'mungkin',
  'around', 'about', 'approx', 'approximately', 'maybe', 'roughly', 'age', 'aged', 'is', 'baru', 'anak', 'anaknya', 'sudah', 'masih',
  'dia', 'ia', 'he', 'she', 'nya', 'kurleb', 'an', 'ya', 'saya', 'rasa', 'kayaknya', 'sepertinya', 'tahunan'];
const YEAR_UNITS = ['tahun', 'tahunan', 'years', 'year', 'yrs', 'yr', 'yo', 'y', 'old', 'th'];
const MONTH_UNITS = ['bulan', 'months', 'month', 'mo', 'minggu', 'weeks', 'hari', 'days'];

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
  if (numbers.length === 0) return bandWord(words);
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
    const after = words[i + 1 + (NUMBER_WORDS[`${words[i]} ${words[i + 1]}`] !== undefined ? 1 : 0)] ?? '';
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

function numberAt(words: string[], i: number): number | undefined {
  const w = words[i]!;
  if (/^\d{1,3}$/.test(w)) return Number(w);
  if (i > 0 && NUMBER_WORDS[`${words[i - 1]} ${w}`] !== undefined) return undefined; // counted at the first word
  return NUMBER_WORDS[`${w} ${words[i + 1]}`] ?? NUMBER_WORDS[w];
}

function numberWordAt(words: string[], j: number): boolean {
  return j > 0 && NUMBER_WORDS[`${words[j - 1]} ${words[j]}`] !== undefined;
}

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

function bandWord(words: string[]): AgeReading | undefined {
  const band = BAND_WORDS.find(([, names]) => names.some((n) => words.includes(n)))?.[0];
  return band ? { band } : undefined;
}
