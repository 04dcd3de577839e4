import { z } from 'zod';

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

const YES = ['ya', 'iya', 'y', 'yes', 'iy', 'yaa', 'yaaa', 'iyaa', 'yup', 'yep', 'ok', 'oke', 'okay', 'setuju', 'boleh', 'benar', 'betul', 'yoi', 'sure'];
const NO = ['tidak', 'tdk', 'gak', 'ga', 'gk', 'nggak', 'ngga', 'enggak', 'engga', 'no', 'n', 'nope', 'tak', 'ndak', 'nda', 'bukan', 'jangan'];
const DONT_KNOW = ['tidaktahu', 'tdktau', 'tidaktau', 'gatau', 'gaktau', 'gatahu', 'gaktahu', 'nggaktahu', 'nggaktau', 'entah', 'dontknow', 'idk', 'unknown', 'notsure', 'kurangtahu', 'belumtahu'];

export const YesNoSchema = z.enum(['yes', 'no']);
export type YesNo = z.infer<typeof YesNoSchema>;

/** "ya", "iya", "y", "yes", "iy", "yaa" … → yes; "tidak", "tdk", "gak", "nggak", "no", "n" … → no. */
export function parseYesNo(raw: string): YesNo | undefined {
  const key = matchKey(raw);
  if (YES.includes(key)) return 'yes';
  if (NO.includes(key)) return 'no';
  return undefined;
}

export function isDontKnow(raw: string): boolean {
  return DONT_KNOW.includes(matchKey(raw));
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
  for (const option of options) {
    if (matchKey(option.label) === key || matchKey(option.value) === key) return option.value;
    if (option.synonyms?.some((s) => matchKey(s) === key)) return option.value;
  }
  // "parent" for "Parent / guardian", "bullying" for "Perundungan (bullying)": a part of one label, if only one.
  const byPart = options.filter((o) => labelParts(o.label).includes(key));
  return byPart.length === 1 ? byPart[0]!.value : undefined;
}

function labelParts(label: string): string[] {
  return label.split(/[/()]/).map(matchKey).filter((part) => part.length >= 3);
}
