import type { InboundMessage } from '../../../src/intake/messages';
import { draftAt, expectRepeated, landed, NOW, send, sticker, text } from '../../support/engine';

const file = (mimeType: string | undefined, size: number, caption?: string, kind: 'photo' | 'document' | 'voice' = 'photo'): InboundMessage => ({
  channel: 'telegram', chatId: '42', kind: 'media', text: caption, media: { kind, mimeType, size }, receivedAt: NOW,
});

describe('description step', () => {
  const d = draftAt('description', { category: 'penelantaran' });
  it('takes words and moves to the "more files?" point', () => {
    expect(landed(send(d, text('Anak ditinggal sendirian tiga hari')))).toMatchObject({
      step: 'more_media', answers: { description: 'Anak ditinggal sendirian tiga hari' },
    });
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
    expect(landed(result)).toMatchObject({ step: 'more_media', answers: { description: 'Luka di tangan anak' } });
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
    expect(landed(send(d, text('lanjut')))).toMatchObject({ step: 'child_age' });
    expect(landed(send(d, text('tidak')))).toMatchObject({ step: 'child_age' });
    expect(landed(send(d, text('1')))).toMatchObject({ step: 'child_age' });
  });
  it('repeats on other text', () => {
    expectRepeated(send(d, text('sebentar')), d, /tidak ada di pilihan/);
  });
});
