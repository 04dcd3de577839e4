import fs from 'node:fs';
import type { InboundMessage } from '../../src/intake/messages';
import { joined, TO_DESCRIPTION } from '../factories/intake-script';
import { useTestDatabase } from '../support/database';
import { createIntakeHarness } from '../support/intake';

useTestDatabase('intakemedia');
const harness = createIntakeHarness('intakemedia', { MEDIA_MAX_BYTES: '1000', MEDIA_ALLOWED_TYPES: 'image/jpeg,application/pdf' });
afterAll(() => harness.close());

let seq = 0;
const newChat = () => `55${Date.now() % 100000}${++seq}`;
const file = (chatId: string, fetchMedia: () => Promise<Buffer>, over: Partial<NonNullable<InboundMessage['media']>> = {}): InboundMessage => ({
  channel: 'whatsapp', chatId, kind: 'media', receivedAt: new Date(), media: { kind: 'document', mimeType: 'application/pdf', ...over }, fetchMedia,
});
const storedFiles = () => fs.readdirSync(harness.mediaDir, { recursive: true }).filter((f) => String(f).endsWith('.bin')).length;

async function atDescription() {
  const handle = harness.newHandler();
  const chat = newChat();
  for (const t of TO_DESCRIPTION) await handle({ channel: 'whatsapp', chatId: chat, kind: 'text', text: t, receivedAt: new Date() });
  return { handle, chat, hash: harness.hasher(`whatsapp:${chat}`) };
}

describe('files sent during the intake', () => {
  it('a file larger than allowed (found only after download) is refused, the question asked again, nothing kept', async () => {
    const { handle, chat, hash } = await atDescription();
    const before = storedFiles();
    const replies = joined(await handle(file(chat, async () => Buffer.alloc(5000, 1))));
    expect(replies).toMatch(/terlalu besar[\s\S]*Ceritakan/);
    expect(storedFiles()).toBe(before);
    expect((await handle.drafts.load(hash))!.draft.media).toEqual([]);
  });

  it('a download that fails is answered calmly, the question asked again', async () => {
    const { handle, chat, hash } = await atDescription();
    const replies = joined(await handle(file(chat, async () => { throw new Error('telegram getFile 400'); })));
    expect(replies).toMatch(/gagal kami terima[\s\S]*Ceritakan/);
    expect((await handle.drafts.load(hash))!.draft).toMatchObject({ step: 'description', media: [] });
  });

  it('a type not on the configured list is refused without downloading it', async () => {
    const { handle, chat } = await atDescription();
    let downloaded = false;
    const replies = joined(await handle(file(chat, async () => { downloaded = true; return Buffer.from('x'); }, { kind: 'video', mimeType: 'video/mp4' })));
    expect(replies).toMatch(/Jenis berkas ini tidak bisa/);
    expect(downloaded).toBe(false);
  });

  it('a PDF within the limits is stored and counted', async () => {
    const { handle, chat, hash } = await atDescription();
    expect(joined(await handle(file(chat, async () => Buffer.from('%PDF-1.4 surat'))))).toMatch(/Berkas diterima \(1\)/);
    expect((await handle.drafts.load(hash))!.draft.media).toEqual([
      expect.objectContaining({ kind: 'document', mimeType: 'application/pdf', size: 14 }),
    ]);
  });
});
