import { cleanText, matchKey, matchOption, parseYesNo } from '../../src/intake/answers';

describe('reading typed answers', () => {
  it.each(['ya', 'iya', 'y', 'yes', 'iy', 'yaa', 'Ya', ' YA! ', 'Iya.'])('"%s" means yes', (word) => {
    expect(parseYesNo(word)).toBe('yes');
  });
  it.each(['tidak', 'tdk', 'gak', 'nggak', 'no', 'n', 'Tidak.', 'NO'])('"%s" means no', (word) => {
    expect(parseYesNo(word)).toBe('no');
  });
  it.each(['mungkin', '', '🙂', 'yes no'])('"%s" is neither', (word) => {
    expect(parseYesNo(word)).toBeUndefined();
  });

  const options = [
    { value: 'perempuan', label: 'Perempuan' },
    { value: 'laki_laki', label: 'Laki-laki', synonyms: ['cowok'] },
  ];
  it('matches an option by number, by label ignoring case and spacing, or by synonym', () => {
    expect(matchOption('2', options)).toBe('laki_laki');
    expect(matchOption('2.', options)).toBe('laki_laki');
    expect(matchOption('  laki laki ', options)).toBe('laki_laki');
    expect(matchOption('LAKI-LAKI', options)).toBe('laki_laki');
    expect(matchOption('cowok', options)).toBe('laki_laki');
    expect(matchOption('perempuan', options)).toBe('perempuan');
  });
  it('matches one part of a label made of alternatives, when only one option has it', () => {
    const roles = [{ value: 'parent_guardian', label: 'Parent / guardian' }, { value: 'bully', label: 'Perundungan (bullying)' }, { value: 'x', label: 'Guardian angel' }];
    expect(matchOption('parent', roles)).toBe('parent_guardian');
    expect(matchOption('Bullying', roles)).toBe('bully');
    expect(matchOption('guardian', roles)).toBe('parent_guardian');
    expect(matchOption('an', roles)).toBeUndefined();
  });
  it('matches nothing for a number outside the list or an unknown word', () => {
    expect(matchOption('3', options)).toBeUndefined();
    expect(matchOption('0', options)).toBeUndefined();
    expect(matchOption('banci', options)).toBeUndefined();
    expect(matchOption('', options)).toBeUndefined();
  });
  it('removes null bytes and control characters but keeps line breaks', () => {
    expect(cleanText('a\u0000b\u0007c\nd')).toBe('abc\nd');
    expect(matchKey('\u0000ya\u0000')).toBe('ya');
  });
});

describe('an option picked by its position in words', () => {
  const options = [{ value: 'id', label: 'Bahasa Indonesia' }, { value: 'en', label: 'English' }];
  it('reads "1 aja", "yang pertama", "nomor 2", "pilih yang ke 2 ya kak", "the second one"', () => {
    expect(['1 aja', 'yang pertama', 'nomor 1'].map((s) => matchOption(s, options))).toEqual(['id', 'id', 'id']);
    expect(['nomor 2', 'pilih yang ke 2 ya kak', 'the second one', 'kedua'].map((s) => matchOption(s, options))).toEqual(['en', 'en', 'en', 'en']);
  });
  it('picks nothing for a position outside the list, nor for a number beside other words ("anak 2")', () => {
    expect(['3 aja', 'yang ketiga', 'anak 2', 'umur 2'].map((s) => matchOption(s, options))).toEqual([undefined, undefined, undefined, undefined]);
  });
});
