import { choice, draftAt, expectRepeated, landed, send, text } from '../../support/engine';

describe('reporter role step', () => {
  const d = draftAt('reporter_role');
  it('takes a number, a label in either language, or a button', () => {
    // The story comes next: anonymity is one of the contact choices now.
    expect(landed(send(d, text('2')))).toMatchObject({ step: 'description', answers: { reporterRole: 'parent_guardian' } });
    expect(landed(send(d, text('guru / pihak sekolah')))).toMatchObject({ answers: { reporterRole: 'teacher_school' } });
    expect(landed(send(d, text('Health worker')))).toMatchObject({ answers: { reporterRole: 'health_worker' } });
    expect(landed(send(d, choice('reporter_role:child_self')))).toMatchObject({ answers: { reporterRole: 'child_self' } });
  });
  it.each([
    ['sy tetangganya', 'neighbour_community'], ['saya ibunya', 'parent_guardian'], ['gurunya', 'teacher_school'],
    ['aku pamane', 'relative'], ['tonggone', 'neighbour_community'], ['ambo tatangganyo', 'neighbour_community'],
  ])('reads "%s" in the reporter\'s words', (typed, role) => {
    expect(landed(send(d, text(typed)))).toMatchObject({ step: 'description', answers: { reporterRole: role } });
  });
  it('repeats on a number out of range or a forged button value', () => {
    expectRepeated(send(d, text('8')), d, /tidak ada di pilihan/);
    expectRepeated(send(d, choice('reporter_role:president')), d, /tidak ada di pilihan/);
  });
});

describe('anonymous step', () => {
  const d = draftAt('anonymous', { reporterRole: 'relative' });
  it('yes makes the report anonymous and asks no contact later', () => {
    expect(landed(send(d, text('y')))).toMatchObject({ step: 'description', answers: { anonymous: true, contactMethod: 'none' } });
    expect(landed(send(d, text('ya anonim aja')))).toMatchObject({ answers: { anonymous: true } });
    expect(landed(send(d, text('anonim')))).toMatchObject({ answers: { anonymous: true } });
  });
  it('no keeps the reporter reachable', () => {
    expect(landed(send(d, text('tdk')))).toMatchObject({ step: 'description', answers: { anonymous: false } });
  });
  it('repeats on anything else', () => {
    expectRepeated(send(d, text('terserah')), d, /ya atau tidak/);
  });
});

describe('category step', () => {
  const d = draftAt('category');
  it('offers all 15 categories and takes number, label or a common word', () => {
    const shown = send(draftAt('description'), text('ada masalah dengan anak di kampung kami')).replies[0]!;
    expect(shown.options).toHaveLength(15);
    expect(landed(send(d, text('3')))).toMatchObject({ step: 'child_age', answers: { category: 'kekerasan_seksual' } });
    expect(landed(send(d, text('ditelantarin')))).toMatchObject({ answers: { category: 'penelantaran' } });
    expect(landed(send(d, text('dipukulin')))).toMatchObject({ answers: { category: 'kekerasan_fisik' } });
    expect(landed(send(d, text('Perundungan (bullying)')))).toMatchObject({ answers: { category: 'perundungan' } });
    expect(landed(send(d, text('bullying')))).toMatchObject({ answers: { category: 'perundungan' } });
    expect(landed(send(d, text('child marriage')))).toMatchObject({ answers: { category: 'perkawinan_anak' } });
    expect(landed(send(d, text('15')))).toMatchObject({ answers: { category: 'lainnya' } });
  });
  it('repeats on 16, 0 or an unknown word', () => {
    expectRepeated(send(d, text('16')), d, /tidak ada di pilihan/);
    expectRepeated(send(d, text('0')), d, /tidak ada di pilihan/);
    expectRepeated(send(d, text('sesuatu')), d, /tidak ada di pilihan/);
  });
});
