import { LEXICON } from '../../src/triage/lexicon';
import { triageReport } from '../../src/triage/triage-report';

// The safety net (triage-2026.12-4): a harm named and not told as over is never left at P3/P4, whatever words the
// rules happen to know around it; a past event told as over and safe is lowered; a welfare question stays a welfare
// question. Texts written for this test, not taken from the corpus.

const triage = (text: string) => triageReport({ text });

describe('the triage safety net', () => {
  it('never leaves a named harm without a sign of now at P3 or P4: a person reviews it', () => {
    for (const text of [
      'anak tetangga dipukul bapaknya',
      'anak itu sering dijewer sampai merah',
      'keponakan saya dijodohkan dengan duda',
      'anak kecil itu dikunci di kamar sama ibunya',
      'murid saya dikeroyok kakak kelas',
    ]) {
      const result = triage(text);
      expect({ text, priority: result.priority }).toEqual({ text, priority: expect.stringMatching(/^P[12]$/) });
      expect(result.reasons.length).toBeGreaterThan(0);
    }
    const result = triage('anak tetangga dipukul bapaknya');
    expect(result.priority).toBe('P2');
    expect(result.reasons).toContain(LEXICON.safetyNet.review);
  });

  it('makes a named harm P1 with a sign of now, of lasting until now, or of a young child', () => {
    expect(triage('anak tetangga sekarang lagi dipukulin bapaknya').priority).toBe('P1');
    expect(triage('anak umur 3 tahun dicubit ibunya').priority).toBe('P1');
    expect(triage('bayi itu ditampar pengasuhnya').priority).toBe('P1');
    expect(triage('anak itu dikunci di gudang dari kemarin').priority).toBe('P1');
    expect(triage('anak umur 3 tahun dicubit ibunya').reasons).toContain(LEXICON.safetyNet.urgent);
    // An age written in words, through the language layer.
    expect(triage('anaknya baru empat tahun, dicubit terus sama pengasuhnya').priority).toBe('P1');
  });

  it('reads a story it cannot understand as urgent when it says "now" or speaks of a small child', () => {
    const result = triage('balita itu dibiarin di pinggir kali sama orang yang ngaku bapaknya');
    expect(result.priority).toBe('P1');
    expect(triage('keluarga di ujung gang itu aneh sekali sekarang').priority).toBe('P1');
  });

  it('keeps "clearly over" for what is told as past: a child found alone tonight and taken in is not over', () => {
    expect(triage('ada anak kecil 3 tahun jalan sendirian jam 11 malam, saya amankan di rumah saya').priority).toBe('P1');
  });

  it('reads harm words of the districts\' languages through the shared vocabularies', () => {
    // Jombang "dikaplok" (slapped), through src/language/vocabulary/javanese-jombang.ts.
    expect(['P1', 'P2']).toContain(triage('arek iku dikaplok bapake').priority);
    expect(triage('arek iku dikaplok bapake saiki').priority).toBe('P1');
  });

  it('lowers a past event told as over and safe', () => {
    const result = triage('dulu anak saya dipukul pamannya, pelakunya sudah dipenjara, sekarang aman');
    expect(['P3', 'P4']).toContain(result.priority);
    expect(result.reasons).toContain(LEXICON.resolved.reason);
  });

  it('leaves an adult victim to referral, not to the net', () => {
    expect(['P3', 'P4']).toContain(triage('adik saya umur 22 tahun dikasari pacarnya, bisa lapor di sini?').priority);
  });

  it('keeps welfare questions at P4', () => {
    for (const text of [
      'bagaimana cara mengurus akta kelahiran anak?',
      'BPJS anak saya tidak aktif, bagaimana mengaktifkannya?',
      'cara bikin KIA untuk anak saya gimana ya',
      'biaya sekolah anak saya belum dibayar, ada bantuan?',
    ]) {
      expect({ text, priority: triage(text).priority }).toEqual({ text, priority: 'P4' });
    }
  });

  it('hears a shouted plea as urgent even when the harm is not understood', () => {
    expect(triage('TOLONG ANAK SAYA DIBAWA PERGI!!!').priority).toBe('P1');
    expect(triage('TOLONG CEPAT KE SINI ANAKNYA!!!').priority).toBe('P1');
  });

  it('sends what it does not understand to a person at P2, with the reason', () => {
    const result = triage('ada yang aneh dengan keluarga di ujung gang');
    expect(result.priority).toBe('P2');
    expect(result.reasons).toContain(LEXICON.review.nothingUnderstood);
  });
});
