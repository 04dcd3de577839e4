import { Stemmer } from 'sastrawijs';

// The root of one (already standardised) Indonesian word. Sastrawi (the `sastrawijs` package: the Nazief–Adriani
// algorithm with its own root dictionary, pure JavaScript, no I/O) does formal affixes: "dipukuli" → "pukul",
// "ditelantarkan" → "telantar". What it leaves alone, chat writing is full of: the colloquial nasal verbs ("mukul",
// "nyiksa", "nendang"), "di-" before a loan word ("dibully"), and "di" written together with a place ("disekolah").

const sastrawi = new Stemmer();

/** Where Sastrawi's dictionary leads it astray on words reports use ("menendang" → "endang", "menangis" → "menang"). */
const OVERRIDES: Readonly<Record<string, string>> = {
  menendang: 'tendang', menikah: 'nikah', menangis: 'tangis', setuju: 'setuju', mengemis: 'emis', disekolah: 'sekolah',
  lakilaki: 'laki', 'laki-laki': 'laki', perempuan: 'perempuan', bersedia: 'sedia', kdrt: 'kdrt',
};

// A colloquial nasal verb is the root with its first consonant swallowed: mukul ← pukul, nendang ← tendang,
// nyiksa ← siksa, ngancam ← ancam, ngirim ← kirim; "nge-" goes before a whole root ("ngebully").
const NASALS: readonly [RegExp, readonly string[]][] = [
  [/^nge(?=[a-z]{3})/, ['']],
  [/^ny(?=[aiueo])/, ['s']],
  [/^ng(?=[aiueo])/, ['', 'k']],
  [/^m(?=[aiueo])/, ['p', 'b']],
  [/^n(?=[aiueo])/, ['t']],
];

const cache = new Map<string, string>();

/** The root of a word, or the word itself when no root is found. */
export function stemWord(word: string): string {
  const known = cache.get(word);
  if (known !== undefined) return known;
  const stem = findStem(word);
  if (cache.size < 20_000) cache.set(word, stem);
  return stem;
}

/** Whether Sastrawi's dictionary has this root. */
export function isRoot(word: string): boolean {
  return sastrawi.find(word);
}

function findStem(word: string): string {
  const override = OVERRIDES[word];
  if (override) return override;
  if (word.length < 4 || /\d/.test(word) || isRoot(word)) return word;
  const formal = sastrawi.stem(word);
  if (formal !== word && isRoot(formal)) return formal;
  return colloquialStem(word) ?? formal;
}

function colloquialStem(word: string): string | undefined {
  for (const [prefix, swallowed] of NASALS) {
    if (!prefix.test(word)) continue;
    for (const consonant of swallowed) {
      const candidate = word.replace(prefix, consonant);
      const root = isRoot(candidate) ? candidate : sastrawi.stem(candidate);
      if (isRoot(root)) return root;
    }
  }
  // "dibully", "diviralkan": the passive of a loan word Sastrawi does not know.
  const passive = /^di([a-z]{3,})$/.exec(word)?.[1];
  if (passive) return sastrawi.stem(passive);
  return undefined;
}
