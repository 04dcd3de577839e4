import { draftAt, landed, send, text } from '../../support/engine';

// "It is fine" at the consent question is a go-ahead: read as a no it ended the conversation and forgot the draft.
describe('consent: "it is fine"', () => {
  it.each(['gak papa lanjut', 'tidak masalah', 'ndak popo'])('"%s" goes on to the danger question', (typed) => {
    expect(landed(send(draftAt('consent', {}, { history: [] }), text(typed)))).toMatchObject({ step: 'danger', answers: { consent: true } });
  });
  it('"gak papa, saya gak mau" is still a refusal', () => {
    expect(send(draftAt('consent', {}, { history: [] }), text('gak papa, saya gak mau')).draft).toBeNull();
  });
});
