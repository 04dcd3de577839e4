import { z } from 'zod';
import { COURTESY_WORDS, readYesNo } from '../language';

// How typed answers are read: forgiving about case, spacing, punctuation and common chat spellings.

/** Free text as the reporter meant it: control characters (null bytes included) removed, whitespace tidied. */
export function cleanText(raw: string): string {
  return raw
    .normalize('NFKC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2028\u2029\uFEFF]/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A comparison key: lower case, accents dropped, everything but letters and digits removed ("Laki-laki" → "lakilaki"). */
export function matchKey(raw: string): string {
  return cleanText(raw)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** One-letter answers the language layer does not take on its own (a sentence's "y" is not yes). */
const LETTERS: Record<string, YesNo> = { y: 'yes', n: 'no' };

export const YesNoSchema = z.enum(['yes', 'no']);
export type YesNo = z.infer<typeof YesNoSchema>;

/**
 * Yes or no, in the reporter's words: "ya", "iya setuju", "iya bu tolong …", "nggih", "iyo" → yes; "tidak", "gak",
 * "mboten", "indak", "sudah tidak" → no (src/language reads them).
 */
export function parseYesNo(raw: string): YesNo | undefined {
  const read = LETTERS[matchKey(raw)] ?? readYesNo(raw);
  return read === 'yes' || read === 'no' ? read : undefined;
}

/** "tidak tahu", "gak tau", "embuh", "entah", "not sure". */
export function isDontKnow(raw: string): boolean {
  return readYesNo(raw) === 'unknown';
}

export interface ChoiceOption<V extends string = string> {
  value: V;
  label: string;
  /** Other words that pick this option (the label in the other language, the vocabulary key, synonyms). */
  synonyms?: readonly string[];
}

/**
 * The option a reporter meant: by its number ("2", "2."), its label in any case or spacing, or a synonym.
 * A number outside the list or an unknown word gives undefined.
 */
export function matchOption<V extends string>(raw: string, options: readonly ChoiceOption<V>[]): V | undefined {
  const key = matchKey(raw);
  if (!key) return undefined;
  if (/^\d{1,3}$/.test(key)) return options[Number(key) - 1]?.value;
  const position = pickedPosition(raw);
  if (position !== undefined) return options[position - 1]?.value;
  for (const option of options) {
    if (matchKey(option.label) === key || matchKey(option.value) === key) return option.value;
    if (option.synonyms?.some((s) => matchKey(s) === key)) return option.value;
  }
  // "parent" for "Parent / guardian", "bullying" for "Perundungan (bullying)": a part of one label, if only one.
  const byPart = options.filter((o) => labelParts(o.label).includes(key));
  return byPart.length === 1 ? byPart[0]!.value : undefined;
}

// Words around a number that do not change which option it picks: "1 aja", "nomor 2", "pilih yang ke 3 ya kak"
// (besides the courtesy words any answer may carry).
const AROUND_A_NUMBER = new Set(['aja', 'yg', 'yang', 'sing', 'nomor', 'nomer', 'no', 'pilih', 'pilihan', 'ke', 'ka', 'option', 'number', 'the', 'pls', 'itu', 'one']);
const ORDINALS: Readonly<Record<string, number>> = {
  pertama: 1, kesatu: 1, kedua: 2, ketiga: 3, keempat: 4, kelima: 5, first: 1, second: 2, third: 3, fourth: 4, fifth: 5,
};

/** The position a reporter typed in words: "1 aja", "nomor 2", "yang pertama", "the second one"; else undefined. */
function pickedPosition(raw: string): number | undefined {
  const words = (raw.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !AROUND_A_NUMBER.has(w) && !COURTESY_WORDS.has(w));
  if (words.length !== 1) return undefined;
  const [word] = words as [string];
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return ORDINALS[word];
}

function labelParts(label: string): string[] {
  return label.split(/[/()]/).map(matchKey).filter((part) => part.length >= 3);
}
