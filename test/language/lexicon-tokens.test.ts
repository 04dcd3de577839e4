import { LEXICON } from '../../src/triage/lexicon';
import { createLexiconTokeniser, squeeze } from '../../src/language/lexicon-tokens';
import { triageReport } from '../../src/triage/triage-report';

const normalise = createLexiconTokeniser(LEXICON);
const words = (text: string) => normalise(text).map((t) => t.word).filter((w) => w !== '|');
const formsOf = (text: string) => normalise(text).flatMap((t) => t.forms);

describe('normalising informal text', () => {
  it('lowercases, squeezes repeated letters and expands SMS spellings', () => {
    expect(words('TOLOOONG anak sy gk dgn yg tdk sdh')).toEqual(['tolong', 'anak', 'saya', 'tidak', 'dengan', 'yang', 'tidak', 'sudah']);
    expect(squeeze('tinggal')).toBe('tingal');
  });

  it('splits words written without spaces', () => {
    expect(words('anaksy dipukulbapaknya')).toEqual(['anak', 'saya', 'dipukul', 'bapaknya']);
    expect(words('tolongg bunuhdiri')).toEqual(['tolong', 'bunuh', 'diri']);
  });

  it('finds the stem behind Indonesian and Javanese affixes', () => {
    for (const [word, stem] of [
      ['dipukulin', 'pukul'], ['memukul', 'pukul'], ['mukul', 'pukul'], ['menendang', 'tendang'], ['nyiksa', 'siksa'],
      ['menyiksanya', 'siksa'], ['diperkosa', 'perkosa'], ['digebuki', 'gebuk'], ['diantemi', 'antem'], ['ditamparlah', 'tampar'],
      ['berdarah', 'darah'], ['terlantar', 'lantar'], ['mengancamnya', 'ancam'], ['dipukul2', 'pukul'],
    ] as const) {
      expect(formsOf(word)).toContain(squeeze(stem));
    }
  });

  it('reads Javanese and Malay words through the lexicon', () => {
    expect(words('bocah ora mboten wedi nangis budak')).toEqual(['anak', 'tidak', 'tidak', 'takut', 'menangis', 'anak']);
  });
});

describe('negation', () => {
  it('does not raise priority for a negated danger word', () => {
    expect(triageReport({ text: 'anak sy tidak dipukul lagi' }).priority).toBe('P4');
    expect(triageReport({ text: 'dia gk pernah dipukul' }).priority).toBe('P4');
    expect(triageReport({ text: 'bukan diperkosa, cuma mau tanya akta' }).priority).toBe('P4');
    expect(triageReport({ text: 'bocahe ora digebuki' }).priority).toBe('P4');
  });

  it('still counts the danger word in the same sentence when the negation ends', () => {
    expect(triageReport({ text: 'tidak tahu harus bagaimana, anak sy diperkosa' }).priority).toBe('P1');
    expect(triageReport({ text: 'gk mau sekolah karena dipukul tiap hari' }).priority).toBe('P2');
    expect(triageReport({ text: 'tidak dipukul lagi tapi masih diancam terus' }).priority).toBe('P2');
  });

  it('says which negated words it left out', () => {
    expect(triageReport({ text: 'tidak dipukul' }).reasons).toContain('disangkal, tidak dihitung ("pukul")');
  });

  it('keeps phrases whose meaning is a negation ("tidak mau hidup", "tidak ada yang jaga")', () => {
    expect(triageReport({ text: 'dia bilang gk mau hidup lg' }).priority).toBe('P1');
    expect(triageReport({ text: 'balita sendirian, gk ada yg jaga' }).priority).toBe('P1');
  });
});

describe('answers', () => {
  it('takes the reporter\'s answers into account and records the lexicon version', () => {
    const result = triageReport({ text: 'tolong', immediateDanger: 'yes', category: 'kekerasan_fisik' });
    expect(result).toMatchObject({ priority: 'P1', category: 'kekerasan_fisik', version: LEXICON.version });
    expect(result.reasons).toContain('pelapor menyatakan anak dalam bahaya saat ini');
    expect(triageReport({ text: 'dipukul', category: 'kekerasan_fisik', ongoing: true }).priority).toBe('P2');
    expect(triageReport({ text: 'ditinggal', childAge: 2 }).priority).toBe('P1');
    expect(triageReport({ text: 'mau tanya akta kelahiran' })).toMatchObject({ priority: 'P4', category: 'dokumen_kependudukan' });
  });
});
