import { choice, draftAt, expectRepeated, landed, send, sticker, text } from '../../support/engine';

describe('child age step', () => {
  const d = draftAt('child_age');
  it.each([
    ['9 tahun', 9, '6-12'],
    ['umur 12', 12, '6-12'],
    ['15', 15, '13-17'],
    ['16 thn', 16, '13-17'],
    ['4 years', 4, '0-5'],
    ['8 bulan', 0, '0-5'],
  ])('reads "%s" as %i years (%s)', (typed, age, band) => {
    expect(landed(send(d, text(typed)))).toMatchObject({ step: 'child_sex', answers: { childAge: age, childAgeBand: band } });
  });
  it.each([['4', 4], ['around 4', 4], ['4 thn', 4], ['empat tahun', 4], ['umur 4', 4], ['papat taun', 4], ['2', 2]])(
    'reads a typed "%s" as the AGE %i, never as the number of a band', (typed, age) => {
      expect(landed(send(d, text(typed)))).toMatchObject({ step: 'child_sex', answers: { childAge: age, childAgeBand: '0-5' } });
    });
  it('reads band labels, band words and buttons as bands', () => {
    expect(landed(send(d, text('kelas 3 SD')))).toMatchObject({ answers: { childAgeBand: '6-12' } });
    expect(landed(send(d, text('kelas 3 SD'))).answers?.childAge).toBeUndefined();
    expect(landed(send(d, text('13-17 tahun')))).toMatchObject({ answers: { childAgeBand: '13-17' } });
    expect(landed(send(d, text('tidak tahu')))).toMatchObject({ answers: { childAgeBand: 'unknown' } });
    expect(landed(send(d, choice('child_age:0-5')))).toMatchObject({ answers: { childAgeBand: '0-5' } });
  });
  it('an adult\'s age asks the reporter first: pass the story on as a referral note, retype, or cancel', () => {
    const withStory = draftAt('child_age', { description: 'Tetangga saya dipukuli suaminya' }, { history: ['consent', 'description'] });
    for (const typed of ['20 tahun', '45', 'umur 30']) {
      const result = send(withStory, text(typed));
      expect(result.draft).toMatchObject({ step: 'adult_check', answers: { description: 'Tetangga saya dipukuli suaminya' } });
      expect(result.effects).toEqual([]);
      expect(result.replies[0]!.text).toMatch(/khusus untuk anak/);
      expect(result.replies[0]!.options?.map((o) => o.value)).toEqual(['adult_check:refer', 'adult_check:retype', 'adult_check:cancel']);
    }
    const asked = send(withStory, text('20 tahun')).draft!;
    const retyped = send(asked, text('salah ketik'));
    expect(retyped.draft?.step).toBe('child_age');
    expect(landed(send(retyped.draft, text('12')))).toMatchObject({ step: 'child_sex', answers: { childAge: 12, adultAge: undefined } });
    const referred = send(asked, choice('adult_check:refer'));
    expect(referred.draft).toMatchObject({ step: 'kecamatan', answers: { adultAge: 20, adultReferral: true } });
    expect(referred.replies[0]!.text).toMatch(/catatan rujukan/);
    const cancelled = send(asked, choice('adult_check:cancel'));
    expect(cancelled).toMatchObject({ draft: null, effects: [{ type: 'forget_draft' }] });
  });
  it('repeats on words it cannot read, an impossible age, or a sticker', () => {
    expectRepeated(send(d, text('masih kecil sekali')), d, /umur dalam tahun/);
    expectRepeated(send(d, text('500 tahun')), d, /umur dalam tahun/);
    expectRepeated(send(d, sticker()), d, /ketik/);
  });
});

describe('child sex, name and perpetrator steps', () => {
  it('sex: number, label, short forms', () => {
    const d = draftAt('child_sex');
    expect(landed(send(d, text('L')))).toMatchObject({ step: 'perpetrator', answers: { childSex: 'laki_laki' } });
    expect(landed(send(d, text('cewek')))).toMatchObject({ answers: { childSex: 'perempuan' } });
    expect(landed(send(d, text('anak lanang')))).toMatchObject({ answers: { childSex: 'laki_laki' } });
    expect(landed(send(d, text('girl')))).toMatchObject({ answers: { childSex: 'perempuan' } });
    expect(landed(send(d, text('3')))).toMatchObject({ answers: { childSex: 'unknown' } });
    expectRepeated(send(d, text('5')), d, /tidak ada di pilihan/);
  });
  it('name: a name, or skipped', () => {
    const d = draftAt('child_name');
    expect(landed(send(d, text('Budi')))).toMatchObject({ step: 'perpetrator', answers: { childName: 'Budi' } });
    expect(landed(send(d, text('lewati')))).toMatchObject({ step: 'perpetrator' });
    expect(landed(send(d, text('lewati'))).answers?.childName).toBeUndefined();
    expect(landed(send(d, choice('child_name:skip')))).toMatchObject({ step: 'perpetrator' });
    expectRepeated(send(d, text('🙈')), d, /ketik/);
    expectRepeated(send(d, text('x'.repeat(150))), d, /ketik/);
  });
  it('perpetrator: number, label, family words, or not said', () => {
    const d = draftAt('perpetrator');
    expect(landed(send(d, text('ayah')))).toMatchObject({ step: 'kecamatan', answers: { perpetratorRelation: 'orang_tua' } });
    expect(landed(send(d, text('5')))).toMatchObject({ answers: { perpetratorRelation: 'guru' } });
    expect(landed(send(d, text('tidak ingin menyebut')))).toMatchObject({ answers: { perpetratorRelation: 'not_said' } });
    expect(landed(send(d, text('lewati')))).toMatchObject({ answers: { perpetratorRelation: 'not_said' } });
    for (const typed of ['bapaknya', 'bapake', 'apaknyo', 'ibu tirinya']) {
      expect(landed(send(d, text(typed)))).toMatchObject({ answers: { perpetratorRelation: 'orang_tua' } });
    }
    expectRepeated(send(d, text('10')), d, /tidak ada di pilihan/);
  });
});
