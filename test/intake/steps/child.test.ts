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
  it('reads a bare small number as the band number, and band labels and buttons as bands', () => {
    expect(landed(send(d, text('2')))).toMatchObject({ answers: { childAgeBand: '6-12' } });
    expect(landed(send(d, text('2')))?.answers?.childAge).toBeUndefined();
    expect(landed(send(d, text('13-17 tahun')))).toMatchObject({ answers: { childAgeBand: '13-17' } });
    expect(landed(send(d, text('tidak tahu')))).toMatchObject({ answers: { childAgeBand: 'unknown' } });
    expect(landed(send(d, choice('child_age:0-5')))).toMatchObject({ answers: { childAgeBand: '0-5' } });
  });
  it('refers an adult victim elsewhere politely and keeps nothing', () => {
    for (const typed of ['20 tahun', '4', '45']) {
      const result = send(d, text(typed));
      expect(result.draft).toBeNull();
      expect(result.effects).toEqual([{ type: 'forget_draft' }]);
      expect(result.replies[0]!.text).toMatch(/khusus untuk anak/);
    }
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
    expect(landed(send(d, text('L')))).toMatchObject({ step: 'child_name', answers: { childSex: 'laki_laki' } });
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
    expectRepeated(send(d, text('10')), d, /tidak ada di pilihan/);
  });
});
