import { inOneTurn, readStory } from '../../src/language';
import { oncePerTurn } from '../../src/language/turn';
import { findPhrase, readWords } from '../../src/language/words';

// One message is read once per turn of the intake engine (danger, the story and the step's reader share the reading),
// and nothing read stays behind once the turn is over.

const STORY = 'Tolong, anak perempuan tetangga saya umur 4 tahun lg dipukulin bapaknya dirumahnya skrg';

it('within a turn a text is read once; outside one, every call reads it afresh', () => {
  let reads = 0;
  const read = oncePerTurn((text: string) => ({ text, n: ++reads }));
  inOneTurn(() => {
    expect(read('a')).toBe(read('a'));
    expect(read('b')).not.toBe(read('a'));
  });
  expect(reads).toBe(2);
  expect(read('a')).not.toBe(read('a'));
  expect(reads).toBe(4);
});

it('reads the same inside and outside a turn, and a caller changing its facts does not change the next reading', () => {
  const outside = readStory(STORY);
  inOneTurn(() => {
    const first = readStory(STORY);
    expect(first).toEqual(outside);
    first.category = undefined;
    expect(readStory(STORY)).toEqual(outside);
    expect(readWords(STORY)).toBe(readWords(STORY));
  });
});

it('finds phrases where the word-by-word search found them: by word, by root, several times, none across a word it lacks', () => {
  const w = readWords('anak saya dipukul, lalu anaknya dipukuli lagi');
  expect(findPhrase(w, 'pukul')).toEqual([2, 6]);
  expect(findPhrase(w, 'anak saya')).toEqual([0]);
  expect(findPhrase(w, 'tendang')).toEqual([]);
  expect(findPhrase(w, 'anak tendang')).toEqual([]);
});

it('a reading cannot be changed by one reader for the next', () => {
  inOneTurn(() => {
    const w = readWords(STORY);
    expect(() => (w.tokens as string[]).push('tidak')).toThrow(TypeError);
    expect(readWords(STORY).tokens).not.toContain('tidak');
  });
});
