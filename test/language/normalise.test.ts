import { normalise, stems, tokens } from '../../src/language';

describe('normalise: informal Indonesian as standard words', () => {
  it.each([
    ['iya bu tolong anaknya lg dipukulin bapaknya skrg', 'iya bu tolong anaknya lagi dipukuli bapaknya sekarang'],
    ['Sy gak tau', 'saya tidak tahu'],
    ['ditelantarin', 'ditelantarkan'],
    ['TOLOOONG!!', 'tolong'],
    ['pukul2', 'pukul'],
    ['dipukul-pukul', 'dipukul'],
    ['laki-laki', 'laki-laki'],
    ['umur4', 'umur 4'],
    ['4thn', '4 tahun'],
    ['nggak, enggak, ga', 'tidak, tidak, tidak'],
  ])('"%s" → "%s"', (typed, standard) => {
    expect(normalise(typed)).toBe(standard);
  });
});

describe('Javanese (Jombang) and Mukomuko Malay / Minangkabau words', () => {
  it.each([
    ['nggih', 'iya'],
    ['mboten', 'tidak'],
    ['ora', 'tidak'],
    ['digebuki bapake nang omah', 'dipukuli bapaknya di rumah'],
    ['anake dewe', 'anaknya sendiri'],
    ['indak', 'tidak'],
    ['iyo', 'iya'],
    ['apaknyo dipukua sampai badarah', 'bapaknya dipukuli sampai berdarah'],
  ])('"%s" → "%s"', (typed, standard) => {
    expect(normalise(typed)).toBe(standard);
  });
});

describe('tokens and stems', () => {
  it('splits into standard words', () => {
    expect(tokens('Anaknya lg dipukulin, tlg!')).toEqual(['anaknya', 'lagi', 'dipukuli', 'tolong']);
  });
  it('finds roots with Sastrawi, colloquial verbs included', () => {
    expect(stems('dipukulin bapaknya dirumahnya')).toEqual(['pukul', 'bapak', 'rumah']);
    expect(stems('ditelantarkan dicabuli')).toEqual(['telantar', 'cabul']);
    expect(stems('mukul nyiksa nendang ngancam dibully')).toEqual(['pukul', 'siksa', 'tendang', 'ancam', 'bully']);
    expect(stems('menendang menangis setuju')).toEqual(['tendang', 'tangis', 'setuju']);
  });
});
