import { draftAt, expectRepeated, landed, send, sticker, text } from '../../support/engine';

describe('when and ongoing steps', () => {
  it('when: the reporter\'s words', () => {
    const d = draftAt('when');
    expect(landed(send(d, text('sejak Januari')))).toMatchObject({ step: 'ongoing', answers: { occurredWhen: 'sejak Januari' } });
    expectRepeated(send(d, text('?!')), d, /ketik/);
    expectRepeated(send(d, sticker()), d, /ketik/);
  });
  it('ongoing: yes/no/don\'t know; anonymous reporters skip the contact question', () => {
    expect(landed(send(draftAt('ongoing'), text('yaa')))).toMatchObject({ step: 'contact', answers: { ongoing: 'yes' } });
    expect(landed(send(draftAt('ongoing', { anonymous: true }), text('gak')))).toMatchObject({ step: 'confirm', answers: { ongoing: 'no' } });
    const d = draftAt('ongoing');
    expectRepeated(send(d, text('kadang')), d, /ya atau tidak/);
  });
  it.each([['masih', 'yes'], ['masih bu', 'yes'], ['sudah tidak', 'no'], ['isih', 'yes'], ['indak lai', 'no'], ['gak tau', 'unknown']])(
    'ongoing: "%s" is %s', (typed, ongoing) => {
      expect(landed(send(draftAt('ongoing'), text(typed)))).toMatchObject({ answers: { ongoing } });
  });
});

describe('contact steps', () => {
  it('same chat or none go to the summary; another number asks for it', () => {
    expect(landed(send(draftAt('contact'), text('1')))).toMatchObject({ step: 'confirm', answers: { contactMethod: 'same_chat' } });
    expect(landed(send(draftAt('contact'), text('tidak perlu dihubungi')))).toMatchObject({ step: 'confirm', answers: { contactMethod: 'none' } });
    expect(landed(send(draftAt('contact'), text('nomor telepon lain')))).toMatchObject({ step: 'contact_phone' });
  });
  it('anonymity is a contact choice, in the reporter\'s words; a number typed at once needs no second question', () => {
    expect(landed(send(draftAt('contact'), text('ya anonim aja')))).toMatchObject({ step: 'confirm', answers: { contactMethod: 'none', anonymous: true } });
    expect(landed(send(draftAt('contact'), text('lewat chat ini saja')))).toMatchObject({ answers: { contactMethod: 'same_chat', anonymous: false } });
    expect(landed(send(draftAt('contact'), text('telp aja ke 0812 3456 7890')))).toMatchObject({
      step: 'confirm', answers: { contactMethod: 'other_number', contactPhone: '081234567890' },
    });
  });
  it('phone: common Indonesian forms, refuses letters and too-short numbers', () => {
    const d = draftAt('contact_phone', { contactMethod: 'other_number' });
    expect(landed(send(d, text('0812-3456-7890')))).toMatchObject({ step: 'confirm', answers: { contactPhone: '081234567890' } });
    expect(landed(send(d, text('+62 812 3456 7890')))).toMatchObject({ answers: { contactPhone: '+6281234567890' } });
    expectRepeated(send(d, text('12345')), d, /tidak lengkap/);
    expectRepeated(send(d, text('nomor saya rahasia')), d, /tidak lengkap/);
  });
});

describe('confirm step', () => {
  const d = draftAt('confirm', {
    danger: 'no', reporterRole: 'relative', anonymous: false, category: 'penelantaran', description: 'Ditinggal sendiri',
    childAge: 7, childAgeBand: '6-12', childSex: 'laki_laki', kecamatan: 'Ipuh', placeType: 'rumah_tangga', occurredWhen: 'kemarin',
    ongoing: 'yes', contactMethod: 'same_chat',
  }, { history: ['consent', 'danger', 'contact'] });
  it('shows a summary of the answers before the question', () => {
    const prompt = send(draftAt('contact', d.answers), text('1')).replies[0]!;
    expect(prompt.text).toMatch(/Kejadian: Penelantaran/);
    expect(prompt.text).toMatch(/Anak: 7 tahun, Laki-laki/);
    expect(prompt.text).toMatch(/Kontak: Lewat chat ini/);
  });
  it('send → submit effect; the draft is kept until the service has stored it', () => {
    for (const typed of ['1', 'kirim', 'ya']) {
      const result = send(d, text(typed));
      expect(result.effects).toEqual([{ type: 'submit' }]);
      expect(result.draft).toEqual({ ...d, updatedAt: result.draft!.updatedAt });
    }
  });
  it('reads the choice from a sentence: "kirim aja bu", "mau tambah detail dulu", "saya mau ubah"', () => {
    expect(send(d, text('kirim aja bu')).effects).toEqual([{ type: 'submit' }]);
    expect(landed(send({ ...d, answers: { ...d.answers, consent: true } }, text('mau tambah detail dulu')))).toMatchObject({ step: 'child_name', answers: { details: true } });
    expect(landed(send(d, text('saya mau ubah')))).toMatchObject({ step: 'contact' });
  });
  it('2 goes back one question, 3 cancels once the reporter confirms (a story is never lost to one word)', () => {
    expect(landed(send(d, text('2')))).toMatchObject({ step: 'contact' });
    const asked = send(d, text('3'));
    expect(asked.draft).toMatchObject({ step: 'cancel_check', returnTo: 'confirm' });
    expect(asked.effects).toEqual([]);
    expect(send(asked.draft, text('1')).effects).toEqual([{ type: 'forget_draft' }]);
    expect(landed(send(asked.draft, text('tidak')))).toMatchObject({ step: 'confirm', answers: d.answers });
  });
  it('repeats on anything else', () => {
    expectRepeated(send(d, text('sebentar dulu')), d, /tidak ada di pilihan/);
  });
});
