import { choice, draftAt, engineContext, expectRepeated, landed, send, sticker, text } from '../../support/engine';

describe('consent step', () => {
  it('starts a draft with the confidentiality notice on the first message', () => {
    const result = send(null, text('halo'));
    expect(result.draft?.step).toBe('consent');
    expect(result.replies[0]!.text).toMatch(/RAHASIA/);
    expect(result.replies[0]!.text).toMatch(/BUKAN layanan darurat/);
    expect(result.replies[0]!.options?.map((o) => o.value)).toEqual(['consent:yes', 'consent:no']);
  });
  it('goes on to the danger question on yes, typed or pressed', () => {
    const d = draftAt('consent', {}, { history: [] });
    expect(landed(send(d, text('iya')))).toMatchObject({ step: 'danger', answers: { consent: true } });
    expect(landed(send(d, choice('consent:yes')))).toMatchObject({ step: 'danger' });
    expect(landed(send(d, text('1')))).toMatchObject({ step: 'danger' });
  });
  it('ends without keeping anything on no', () => {
    const result = send(draftAt('consent', {}, { history: [] }), text('tidak'));
    expect(result.draft).toBeNull();
    expect(result.effects).toEqual([{ type: 'forget_draft' }]);
    expect(result.replies[0]!.text).toMatch(/tidak ada yang disimpan/);
  });
  it('repeats with a hint on anything else', () => {
    const d = draftAt('consent', {}, { history: [] });
    expectRepeated(send(d, text('mungkin nanti')), d, /ya atau tidak/);
    expectRepeated(send(d, sticker()), d, /ketik jawabannya/);
  });
});

describe('danger step', () => {
  const d = draftAt('danger', { consent: true });
  it('on yes, sends the emergency contacts first (with the on-call number), alerts, then continues', () => {
    const result = send(d, text('ya'));
    expect(result.replies[0]!.urgent).toBe(true);
    expect(result.replies[0]!.text).toMatch(/112/);
    expect(result.replies[0]!.text).toMatch(/110/);
    expect(result.replies[0]!.text).toMatch(/129/);
    expect(result.replies[0]!.text).toMatch(/0737-123-456/);
    expect(result.replies[1]!.text).toMatch(/Siapa Anda/);
    expect(result.effects).toEqual([{ type: 'urgent_alert', draftId: 'd1' }]);
    expect(result.draft).toMatchObject({ step: 'reporter_role', urgentAlerted: true, answers: { danger: 'yes' } });
  });
  it('does not alert twice when the reporter goes back and answers yes again', () => {
    const again = send({ ...d, urgentAlerted: true }, text('ya'));
    expect(again.effects).toEqual([]);
    expect(again.replies[0]!.urgent).toBe(true);
  });
  it('on no or "tidak tahu", just continues', () => {
    expect(landed(send(d, text('nggak')))).toMatchObject({ step: 'reporter_role', answers: { danger: 'no' } });
    expect(landed(send(d, text('tidak tahu')))).toMatchObject({ step: 'reporter_role', answers: { danger: 'unknown' } });
    expect(send(d, text('no')).effects).toEqual([]);
  });
  it('repeats with a hint on an unclear answer', () => {
    expectRepeated(send(d, text('hmm')), d, /ya atau tidak/);
    expectRepeated(send(d, text('7')), d, /ya atau tidak/);
  });
  it('shows the contacts without an on-call line when the district has none', () => {
    const ctx = engineContext();
    const result = send(d, text('ya'), { ...ctx, district: { ...ctx.district, onCallPhone: undefined } });
    expect(result.replies[0]!.text).not.toMatch(/0737/);
  });
});

describe('consent and danger in the reporter\'s words (issue 12)', () => {
  it.each(['iya setuju', 'iya bu', 'betul', 'benar', 'nggih', 'iyo', 'saya setuju', 'I agree'])('consent: "%s" is yes', (typed) => {
    expect(landed(send(draftAt('consent', {}, { history: [] }), text(typed)))).toMatchObject({ step: 'danger', answers: { consent: true } });
  });
  it.each([
    ['iya bu tolong anaknya lg dipukulin bapaknya skrg', 'yes'], ['nggih, saiki lagi digebuki', 'yes'], ['iyo, kini sadang dipukua', 'yes'],
    ['enggak', 'no'], ['mboten', 'no'], ['indak', 'no'], ['ora', 'no'], ['sudah tidak', 'no'], ['gak tau', 'unknown'], ['embuh', 'unknown'],
  ])('danger: "%s" is %s', (typed, danger) => {
    expect(landed(send(draftAt('danger'), text(typed)))).toMatchObject({ answers: { danger } });
  });
});
