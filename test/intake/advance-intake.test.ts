import { choice, draftAt, engineContext, expectRepeated, landed, NOW, send, sticker, text } from '../support/engine';

describe('global words at every step', () => {
  const d = draftAt('child_sex', { category: 'perundungan' }, { history: ['consent', 'danger', 'child_age'] });

  it('batal / cancel forgets the draft', () => {
    for (const word of ['batal', 'Cancel', '/batal']) {
      const result = send(d, text(word));
      expect(result.draft).toBeNull();
      expect(result.effects).toEqual([{ type: 'forget_draft' }]);
      expect(result.replies[0]!.text).toMatch(/dibatalkan/);
    }
  });
  it('kembali / back returns to the previous question, and says so at the first one', () => {
    expect(landed(send(d, text('kembali')))).toMatchObject({ step: 'child_age' });
    expect(send(d, text('back')).draft?.history).toEqual(['consent', 'danger']);
    const first = draftAt('consent', {}, { history: [] });
    expectRepeated(send(first, text('kembali')), first, /pertanyaan pertama/);
  });
  it('bantuan / help explains and asks the same question again', () => {
    const result = send(d, text('bantuan'));
    expect(result.replies[0]!.text).toMatch(/batal \(hapus laporan\)/);
    expect(result.replies[1]!.text).toMatch(/Jenis kelamin/);
    expect(result.draft?.step).toBe('child_sex');
  });
  it('status asks the service for the list and repeats the question', () => {
    const result = send(d, text('status'));
    expect(result.effects).toEqual([{ type: 'list_status' }]);
    expect(result.replies[0]!.text).toMatch(/Jenis kelamin/);
  });
  it('bahasa / language switches to English and comes back to the same question', () => {
    const asked = send(d, text('language'));
    expect(asked.draft?.step).toBe('language');
    const english = send(asked.draft, text('english'));
    expect(english.draft).toMatchObject({ step: 'child_sex', language: 'en' });
    expect(english.replies[0]!.text).toMatch(/child's sex/);
    expect(landed(send(english.draft, text('boy')))).toMatchObject({ step: 'child_name', answers: { childSex: 'laki_laki' } });
    // Indonesian words keep working for someone who switched.
    expect(landed(send(english.draft, text('perempuan')))).toMatchObject({ answers: { childSex: 'perempuan' } });
  });
  it('"language" as the very first message lets the reporter pick English before the notice', () => {
    const asked = send(null, text('language'));
    const english = send(asked.draft, text('2'));
    expect(english.replies[0]!.text).toMatch(/CONFIDENTIAL/);
  });
});

describe('emergency words', () => {
  it('"tolong", "darurat", "SOS" show the emergency numbers first, at any question or before any', () => {
    const d = draftAt('kecamatan');
    for (const word of ['tolong', 'Darurat!', 'SOS']) {
      const result = send(d, text(word));
      expect(result.replies[0]).toMatchObject({ urgent: true, text: expect.stringMatching(/112/) });
      expect(result.replies[1]!.text).toMatch(/kecamatan/);
      expect(result.draft?.step).toBe('kecamatan');
    }
    const first = send(null, text('tolong'));
    expect(first.replies[0]).toMatchObject({ urgent: true });
    expect(first.replies[1]!.text).toMatch(/RAHASIA/);
  });
});

describe('without a draft', () => {
  it('status lists reports without starting a draft; cancel has nothing to cancel; help explains', () => {
    expect(send(null, text('status'))).toMatchObject({ draft: null, effects: [{ type: 'list_status' }] });
    expect(send(null, text('batal')).replies[0]!.text).toMatch(/Tidak ada laporan/);
    expect(send(null, text('bantuan'))).toMatchObject({ draft: null });
  });
  it('a stale button from an old conversation starts a new one', () => {
    expect(send(null, choice('confirm:send'))).toMatchObject({ draft: { step: 'consent' }, effects: [] });
  });
});

describe('hostile and stale input', () => {
  const d = draftAt('perpetrator');
  it('a button of an earlier question is recognised as stale and changes nothing', () => {
    expectRepeated(send(d, choice('danger:yes')), d, /pertanyaan sebelumnya/);
    expectRepeated(send(d, choice('no-prefix-at-all')), d, /pertanyaan sebelumnya/);
    expectRepeated(send(d, choice('x'.repeat(5000))), d, /pertanyaan sebelumnya/);
  });
  it('a sticker, only emoji and null bytes repeat the question', () => {
    expectRepeated(send(d, sticker()), d, /ketik jawabannya/);
    expectRepeated(send(d, text('🔥🔥🔥')), d, /tidak ada di pilihan/);
    expectRepeated(send(d, text('\u0000\u0000\u0000')), d, /tidak ada di pilihan/);
  });
  it('null bytes inside an otherwise good answer are ignored', () => {
    expect(landed(send(d, text('\u0000gu\u0000ru')))).toMatchObject({ answers: { perpetratorRelation: 'guru' } });
  });
});

describe('returning reporter', () => {
  const d = draftAt('kecamatan', { category: 'penelantaran' }, { updatedAt: new Date(NOW.getTime() - 2 * 3600_000).toISOString() });
  it('after a pause, is offered to continue or start again', () => {
    const result = send(d, text('halo'));
    expect(result.draft).toMatchObject({ step: 'resume', returnTo: 'kecamatan' });
    expect(result.replies[0]!.text).toMatch(/belum selesai/);
  });
  it('continue returns to the question where they left, answers intact', () => {
    const offered = send(d, text('halo')).draft;
    const resumed = send(offered, text('lanjutkan'));
    expect(resumed.draft).toMatchObject({ step: 'kecamatan', answers: { category: 'penelantaran' } });
    expect(resumed.replies[0]!.text).toMatch(/kecamatan/);
  });
  it('start again forgets the old draft and greets anew', () => {
    const offered = send(d, text('halo')).draft;
    const restarted = send(offered, text('2'), engineContext());
    expect(restarted.effects).toEqual([{ type: 'forget_draft' }]);
    expect(restarted.draft).toMatchObject({ step: 'consent', answers: {} });
    expect(restarted.draft?.id).not.toBe(d.id);
  });
  it('"/start" in the middle also offers it, without a pause', () => {
    const fresh = { ...d, updatedAt: NOW.toISOString() };
    expect(send(fresh, text('/start')).draft?.step).toBe('resume');
    expect(send(fresh, text('3')).draft?.step).toBe('desa');
  });
});
