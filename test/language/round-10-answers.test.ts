import { readAnonymity, readCategory, readReporterRole, readSex } from '../../src/language';

// Round 10: answers written for this file (not taken from any corpus), one per class a reader should know. Each
// failed before the change that made its class read.

describe('who is reporting, said in a sentence', () => {
  it.each([
    ['kakaknya ibu anak itu', 'relative'],
    ['saya adik dari bapaknya', 'relative'],
    ['this is about me', 'child_self'],
    ['ini tentang saya kak', 'child_self'],
    ['saya pak lurah di sini', 'neighbour_community'],
    ['kadus', 'neighbour_community'],
    ['aku tangga kak', 'neighbour_community'],
    ['saya cuma melihat kejadiannya', 'other'],
    ['i saw it from the bus', 'other'],
    ['pelatih renangnya', 'other'],
    ['saya pedagang di pasar', 'other'],
  ])('"%s" is %s', (typed, role) => expect(readReporterRole(typed)).toBe(role));
  it('a parent is still a parent', () => expect(readReporterRole('saya ibunya')).toBe('parent_guardian'));
});
