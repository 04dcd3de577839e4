import type { InboundMessage } from '../../../src/intake/messages';
import { choice, draftAt, expectRepeated, landed, NOW, send, sticker, text } from '../../support/engine';

const located = (latitude: number, longitude: number): InboundMessage => ({
  channel: 'telegram', chatId: '42', kind: 'location', location: { latitude, longitude }, receivedAt: NOW,
});

describe('kecamatan step', () => {
  const d = draftAt('kecamatan');
  it("lists the district's kecamatan and takes number, name in any case, or a button", () => {
    const shown = send(draftAt('perpetrator'), text('1')).replies[0]!;
    expect(shown.options).toHaveLength(15);
    // The desa comes after the ticket now, if at all.
    expect(landed(send(d, text('4')))).toMatchObject({ step: 'place_type', answers: { kecamatan: 'Ipuh' } });
    expect(landed(send(d, text('di kec ipuh pak')))).toMatchObject({ answers: { kecamatan: 'Ipuh' } });
    expect(landed(send(d, text('kota mukomuko')))).toMatchObject({ answers: { kecamatan: 'Kota Mukomuko' } });
    expect(landed(send(d, text('Kec. V Koto')))).toMatchObject({ answers: { kecamatan: 'V Koto' } });
    expect(landed(send(d, text('XIVKoto')))).toMatchObject({ answers: { kecamatan: 'XIV Koto' } });
    expect(landed(send(d, choice('kecamatan:0')))).toMatchObject({ answers: { kecamatan: 'Air Dikit' } });
  });
  it('repeats on a kecamatan of another district, a number out of range, or a forged button', () => {
    expectRepeated(send(d, text('Diwek')), d, /tidak ada di pilihan/);
    expectRepeated(send(d, text('16')), d, /tidak ada di pilihan/);
    expectRepeated(send(d, choice('kecamatan:99')), d, /tidak ada di pilihan/);
    expectRepeated(send(d, choice('kecamatan:__proto__')), d, /tidak ada di pilihan/);
  });
});

describe('desa, place type and location steps', () => {
  it('desa: a name or skipped', () => {
    const d = draftAt('desa');
    expect(landed(send(d, text('Pulai Payung')))).toMatchObject({ step: 'place_type', answers: { desa: 'Pulai Payung' } });
    expect(landed(send(d, text('tidak tahu')))).toMatchObject({ step: 'place_type' });
    expectRepeated(send(d, text('1234')), d, /ketik/);
    expectRepeated(send(d, sticker()), d, /ketik/);
  });
  it('place type: number, label, common word', () => {
    const d = draftAt('place_type');
    expect(landed(send(d, text('2')))).toMatchObject({ step: 'ongoing', answers: { placeType: 'sekolah' } });
    expect(landed(send(d, text('online')))).toMatchObject({ answers: { placeType: 'media_sosial_daring' } });
    for (const typed of ['dirumahnya', 'nang omah', 'di rumahnyo', 'rumah pelaku']) {
      expect(landed(send(d, text(typed)))).toMatchObject({ answers: { placeType: 'rumah_tangga' } });
    }
    expectRepeated(send(d, text('7')), d, /tidak ada di pilihan/);
  });
  it('location: a shared location or skipped; text that is neither repeats', () => {
    const d = draftAt('location');
    expect(landed(send(d, located(-2.58, 101.11)))).toMatchObject({ step: 'ongoing', answers: { exactLocation: { latitude: -2.58, longitude: 101.11 } } });
    expect(landed(send(d, text('lewati')))).toMatchObject({ step: 'ongoing' });
    expect(landed(send(d, text('tidak')))).toMatchObject({ step: 'ongoing' });
    expectRepeated(send(d, located(200, 0)), d, /lokasi/);
    expectRepeated(send(d, text('dekat pasar')), d, /lokasi/);
  });
});
