import type { InboundMessage } from '../../../src/intake/messages';
import { draftAt, expectRepeated, landed, NOW, send, sticker, text } from '../../support/engine';

const file = (mimeType: string | undefined, size: number, caption?: string, kind: 'photo' | 'document' | 'voice' = 'photo'): InboundMessage => ({
  channel: 'telegram', chatId: '42', kind: 'media', text: caption, media: { kind, mimeType, size }, receivedAt: NOW,
});

describe('description step', () => {
  const d = draftAt('description', { category: 'penelantaran' });
  it('takes words and moves on to the next question not yet answered (files could come with the story)', () => {
    expect(landed(send(d, text('Anak ditinggal sendirian tiga hari')))).toMatchObject({
      step: 'child_age', answers: { description: 'Anak ditinggal sendirian tiga hari' },
    });
  });
  it('takes what the story says and tells the reporter, instead of asking it again', () => {
    const result = send(draftAt('description'), text('anak tetangga saya umur 4 tahun ditelantarin di rumahnya, tiap hari gak dikasih makan'));
    expect(landed(result)).toMatchObject({
      step: 'child_sex',
      answers: { category: 'penelantaran', childAge: 4, childAgeBand: '0-5', placeType: 'rumah_tangga', ongoing: 'yes' },
    });
    expect(result.replies[0]!.text).toMatch(/Dari cerita Anda, kami catat:[\s\S]*Penelantaran[\s\S]*4 tahun[\s\S]*Rumah/);
    expect(result.replies[1]!.text).toMatch(/Jenis kelamin/);
  });
  it('refuses only emoji, only punctuation, or nothing', () => {
    expectRepeated(send(d, text('😢😢😢')), d, /beberapa kata/);
    expectRepeated(send(d, text('...')), d, /beberapa kata/);
    expectRepeated(send(d, text('\u0000\u0000')), d, /beberapa kata/);
  });
  it('takes a photo, asks for the words next, and stays', () => {
    const result = send(d, file('image/jpeg', 2000));
    expect(result.effects).toEqual([{ type: 'store_media', kind: 'photo', mimeType: 'image/jpeg', declaredSize: 2000 }]);
    expect(result.draft?.step).toBe('description');
    expect(result.replies[0]!.text).toMatch(/tuliskan juga/);
  });
  it('uses a photo caption with words as the description', () => {
    const result = send(d, file(undefined, 2000, 'Luka di tangan anak'));
    expect(result.effects[0]).toMatchObject({ type: 'store_media', mimeType: 'image/jpeg' });
    expect(landed(result)).toMatchObject({ step: 'child_age', answers: { description: 'Luka di tangan anak' } });
  });
  it('refuses a file type not on the list, a file over the size, and one file too many', () => {
    expectRepeated(send(d, file('application/x-msdownload', 10, undefined, 'document')), d, /Jenis berkas/);
    expectRepeated(send(d, file('image/jpeg', 5 * 1024 * 1024)), d, /terlalu besar/);
    const full = { ...d, media: [1, 2, 3].map((i) => ({ kind: 'photo' as const, mimeType: 'image/jpeg', size: 1, sha256: 'a'.repeat(64), storageKey: `k${i}` })) };
    expectRepeated(send(full, file('image/jpeg', 10)), full, /Paling banyak 3/);
  });
  it('asks for typed words on a sticker', () => {
    expectRepeated(send(d, sticker()), d, /ketik/);
  });
});

describe('more files step', () => {
  const d = draftAt('more_media', { description: 'x y z' });
  it('takes more files and stays, or moves on with "lanjut", "tidak" or the button', () => {
    const result = send(d, file('audio/ogg', 100, undefined, 'voice'));
    expect(result.effects[0]).toMatchObject({ type: 'store_media', kind: 'voice' });
    expect(result.draft?.step).toBe('more_media');
    // A draft parked here from before goes on to the first question not answered yet.
    expect(landed(send(d, text('lanjut')))).toMatchObject({ step: 'category' });
    expect(landed(send(d, text('tidak')))).toMatchObject({ step: 'category' });
    expect(landed(send(d, text('1')))).toMatchObject({ step: 'category' });
  });
  it('repeats on other text', () => {
    expectRepeated(send(d, text('sebentar')), d, /tidak ada di pilihan/);
  });
});
