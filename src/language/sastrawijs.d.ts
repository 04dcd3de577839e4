// The package ships types, but its "exports" map does not point to them; this is the part we use.
declare module 'sastrawijs' {
  export class Stemmer {
    constructor(dictionary?: string[]);
    /** The root of a formal Indonesian word ("dipukuli" → "pukul"); the word itself when none is found. */
    stem(word: string): string;
    /** Whether the word is in the root dictionary. */
    find(word: string): boolean;
  }
}
