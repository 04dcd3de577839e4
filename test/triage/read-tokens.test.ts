import { LEXICON } from '../../src/triage/lexicon';
import { squeeze } from '../../src/language/lexicon-tokens';
import { createTriageTokeniser } from '../../src/triage/read-tokens';

const tokenise = createTriageTokeniser(LEXICON);
const formsOf = (text: string) => tokenise(text).flatMap((t) => t.forms);
const words = (text: string) => tokenise(text).map((t) => t.word).filter((w) => w !== '|');

describe('triage tokens on top of the shared tokeniser', () => {
  it('reads Javanese and Mukomuko Malay stems as their Indonesian stem too', () => {
    expect(formsOf('dipukua')).toContain('pukul');
    expect(formsOf('ditinggaan')).toContain(squeeze('tinggal'));
    expect(words('ditinggal dewe nang omah')).toEqual(['ditingal', 'sendiri', 'di', 'rumah']);
  });

  it('finds the stem a squeezed prefix letter hid ("diikat" is "di" + "ikat")', () => {
    expect(formsOf('diikat')).toContain('ikat');
  });

  it('reads SMS words written without vowels as the lexicon word they shorten, and nothing else', () => {
    expect(formsOf('prkosa')).toContain('perkosa');
    expect(formsOf('pkul')).toContain('pukul');
    expect(formsOf('brdarah')).toContain(squeeze('berdarah'));
    expect(formsOf('grup')).not.toContain('grepe');
  });

  it('reads compounds as one word, so neither half counts ("demam berdarah", "kehilangan")', () => {
    expect(words('demam berdarah')).toEqual(['dbd']);
    expect(formsOf('kehilangan')).toEqual(['kehilangan']);
  });
});
