import { draftAt, landed, send, text } from '../../support/engine';

// A number typed at the contact question is where to call, in any format and whatever words surround it: it is
// never dropped for an "anonim" or a "jangan telpon malam" beside it.
describe('contact: a phone number in the answer', () => {
  it.each([
    ['(0813) 2222-3333', '081322223333'],
    ['+62 (813) 2222 3333', '+6281322223333'],
    ['wa ke 0813.2222.3333 ya, makasih', '081322223333'],
    ['O813 2222 3333', '081322223333'],
    ['anonim aja tapi boleh wa ke 081322223333', '081322223333'],
    ['no hp 0813 2222 3333, jangan telpon pagi', '081322223333'],
    ['hubungi 0813-2222-3333, jangan lewat sini', '081322223333'],
  ])('"%s" keeps %s', (typed, phone) => {
    expect(landed(send(draftAt('contact'), text(typed)))).toMatchObject({ step: 'confirm', answers: { contactMethod: 'other_number', contactPhone: phone } });
  });
  it('without a number, "jangan hubungi" is still no contact', () => {
    expect(landed(send(draftAt('contact'), text('jangan hubungi saya')))).toMatchObject({ answers: { contactMethod: 'none' } });
  });
});
