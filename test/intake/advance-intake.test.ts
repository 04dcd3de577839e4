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
    expect(landed(send(english.draft, text('boy')))).toMatchObject({ step: 'perpetrator', answers: { childSex: 'laki_laki' } });
    // Indonesian words keep working for someone who switched.
    expect(landed(send(english.draft, text('perempuan')))).toMatchObject({ answers: { childSex: 'perempuan' } });
  });
  it('a language\'s name at any question switches to it and asks the same question again', () => {
    for (const typed of ['english', 'English please', 'bahasa inggris']) {
      expect(send(d, text(typed)).draft).toMatchObject({ step: 'child_sex', language: 'en' });
    }
    expect(send({ ...d, language: 'en' }, text('bahasa indonesia')).draft).toMatchObject({ step: 'child_sex', language: 'id' });
    expect(send(null, text('english')).replies[0]!.text).toMatch(/CONFIDENTIAL/);
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
    expect(send(fresh, text('3')).draft?.step).toBe('place_type');
  });
});

describe('danger is heard in any message', () => {
  it('at any question: the emergency numbers first, the draft urgent, on-call alerted once; the question goes on', () => {
    const d = draftAt('kecamatan', { danger: 'no' });
    const result = send(d, text('tolong bu anaknya lagi dipukulin bapaknya skrg'));
    expect(result.replies[0]).toMatchObject({ urgent: true, text: expect.stringMatching(/112/) });
    expect(result.replies[1]!.text).toMatch(/kecamatan/);
    expect(result.replies[1]!.text).not.toMatch(/tidak ada di pilihan/);
    expect(result.effects).toEqual([{ type: 'urgent_alert', draftId: 'd1' }]);
    expect(result.draft).toMatchObject({ step: 'kecamatan', urgentAlerted: true, answers: { danger: 'yes' } });
    expect(send(result.draft, text('anaknya masih dipukuli sekarang')).effects).toEqual([]);
  });
  it('an answer that also tells of danger is taken as the answer too', () => {
    const result = send(draftAt('kecamatan'), text('di ipuh, anaknya sedang disiksa sekarang'));
    expect(result.effects).toEqual([{ type: 'urgent_alert', draftId: 'd1' }]);
    expect(landed(result)).toMatchObject({ step: 'place_type', answers: { kecamatan: 'Ipuh', danger: 'yes' } });
  });
  it('in the very first message, before the notice: numbers, alert, and the story kept', () => {
    const result = send(null, text('tolong ada anak dipukuli sekarang'));
    expect(result.replies[0]).toMatchObject({ urgent: true });
    expect(result.replies[1]!.text).toMatch(/cerita Anda sudah kami catat[\s\S]*RAHASIA/);
    expect(result.effects).toEqual([{ type: 'urgent_alert', draftId: 'draft-1' }]);
    expect(result.draft).toMatchObject({ step: 'consent', urgentAlerted: true, answers: { danger: 'yes', description: 'tolong ada anak dipukuli sekarang' } });
  });
  it('at the danger question, "iya bu tolong anaknya lg dipukulin bapaknya skrg" is yes, with the numbers', () => {
    const result = send(draftAt('danger'), text('iya bu tolong anaknya lg dipukulin bapaknya skrg'));
    expect(result.replies[0]).toMatchObject({ urgent: true });
    expect(result.effects).toEqual([{ type: 'urgent_alert', draftId: 'd1' }]);
    // A story told in an answer is kept, but the reporter did not open with it: who they are is still asked.
    expect(landed(result)).toMatchObject({ step: 'reporter_role', answers: { danger: 'yes', category: 'kekerasan_fisik', perpetratorRelation: 'orang_tua' } });
  });
  it('a past or negated harm is no emergency', () => {
    for (const typed of ['dulu pernah dipukul bapaknya', 'sudah tidak dipukul lagi sekarang']) {
      expect(send(draftAt('kecamatan'), text(typed)).effects).toEqual([]);
    }
  });
});

describe('the first message counts', () => {
  it('a story first: kept, consent still asked, then only what the story did not answer', () => {
    let result = send(null, text('Anak perempuan tetangga saya umur 4 tahun sering dipukulin bapaknya di rumahnya, di Ipuh'));
    expect(result.effects).toEqual([]);
    expect(result.draft).toMatchObject({ step: 'consent' });
    result = send(result.draft, text('iya setuju'));
    expect(result.replies[0]!.text).toMatch(/kami catat[\s\S]*Kekerasan fisik[\s\S]*4 tahun[\s\S]*Perempuan[\s\S]*Orang tua[\s\S]*Rumah[\s\S]*Ipuh/);
    expect(result.draft!.step).toBe('danger');
    result = send(result.draft, text('tidak'));
    expect(result.draft!.step).toBe('contact');
    result = send(result.draft, text('1'));
    expect(result.draft!.step).toBe('confirm');
    expect(send(result.draft, text('1')).effects).toEqual([{ type: 'submit' }]);
  });
  it('what a story left out but the unit can act without (who reports, who did it, the place) waits for "add details"', () => {
    let result = send(null, text('anak laki-laki umur 9 tahun dipukul sampai memar di Ipuh'));
    const asked: string[] = [];
    const answers: Record<string, string> = { consent: 'iya', danger: 'tidak', ongoing: 'sudah tidak', contact: '1' };
    while (result.draft && result.draft.step !== 'confirm') {
      asked.push(result.draft.step);
      result = send(result.draft, text(answers[result.draft.step] ?? 'lewati'));
    }
    expect(asked).toEqual(['consent', 'danger', 'ongoing', 'contact']);
    // The summary shows them as not given, with "add details" to give them before sending.
    expect(result.replies.at(-1)!.text).toMatch(/Pelapor: -[\s\S]*Pelaku: -/);
    result = send(result.draft, text('tambah detail'));
    expect(result.draft!.step).toBe('reporter_role');
    result = send(result.draft, text('sy tetangganya'));
    expect(result.draft!.step).toBe('child_name');
    result = send(result.draft, text('lewati'));
    expect(result.draft!.step).toBe('perpetrator');
  });
  it('a story told at the notice counts as opening with it; the notice is still agreed to', () => {
    let result = send(null, text('halo'));
    result = send(result.draft, text('anak laki-laki umur 9 tahun dipukul sampai memar di Ipuh'));
    expect(result.draft).toMatchObject({ step: 'consent', openedWithStory: true });
    result = send(result.draft, text('iya'));
    result = send(result.draft, text('tidak'));
    expect(result.draft!.step).toBe('ongoing');
  });
  it('the kecamatan\'s name is not read as the kind of place ("Pondok" is no pesantren, "Sungai" no river)', () => {
    const home = send(null, text('anak perempuan umur 4 tahun dipukul omnya di rumah di Pondok Suguh'));
    expect(home.draft!.answers).toMatchObject({ kecamatan: 'Pondok Suguh', placeType: 'rumah_tangga' });
    const javanese = send(null, text('bocah lanang ponakanku umure 9 taun diejek tonggone neng omahe di sungai rumbai'));
    expect(javanese.draft!.answers).toMatchObject({ kecamatan: 'Sungai Rumbai', placeType: 'rumah_tangga' });
  });
  it('a greeting is not a story', () => {
    expect(send(null, text('halo')).draft?.answers).toEqual({});
  });
});

describe('never lose a story', () => {
  it('batal before any story cancels at once; after the story it asks first', () => {
    expect(send(draftAt('danger'), text('batal')).draft).toBeNull();
    const told = draftAt('child_age', { description: 'anak dipukul ayahnya' });
    const asked = send(told, text('batal'));
    expect(asked.draft).toMatchObject({ step: 'cancel_check', returnTo: 'child_age' });
    expect(asked.replies[0]!.options?.map((o) => o.label)).toEqual(['Ya, batalkan dan hapus', 'Tidak, lanjutkan laporan']);
    expect(send(asked.draft, text('lanjutkan')).draft).toMatchObject({ step: 'child_age', answers: told.answers });
    expect(send(asked.draft, text('batal')).draft).toBeNull();
  });
});

describe('an answer that cannot be used', () => {
  it('is met with one short question and its buttons, not the whole notice again', () => {
    const d = draftAt('consent', {}, { history: [] });
    const result = send(d, text('iya, eh tidak'));
    expect(result.replies).toHaveLength(1);
    expect(result.replies[0]!.text).toMatch(/^Maaf, mohon jawab ya atau tidak\.\n\nApakah Anda setuju untuk melanjutkan\?$/);
    expect(result.replies[0]!.options?.map((o) => o.value)).toEqual(['consent:yes', 'consent:no']);
  });
});
