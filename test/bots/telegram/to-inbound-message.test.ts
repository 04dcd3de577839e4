import { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import { toInboundMessage } from '../../../bots/telegram/to-inbound-message';
import { startFakeTelegram, type FakeTelegram } from '../../fakes/telegram-bot-api';

// Real Bot API update objects in, the engine's InboundMessage out; files fetched through the (fake) Bot API.
let fake: FakeTelegram;
let telegram: Telegram;
beforeAll(async () => {
  fake = await startFakeTelegram();
  telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot } as ConstructorParameters<typeof Telegram>[1]);
});
afterAll(() => fake.close());

const from = { id: 42, is_bot: false, first_name: 'P', language_code: 'en' };
const msg = (extra: Record<string, unknown>, chat: Record<string, unknown> = { id: 42, type: 'private', first_name: 'P' }) =>
  ({ update_id: 1, message: { message_id: 5, date: 1, chat, from, ...extra } }) as unknown as Update;

describe('Telegram update → InboundMessage', () => {
  it('maps text, bot commands, button presses and shared locations', () => {
    expect(toInboundMessage(msg({ text: 'halo' }), telegram)).toMatchObject({ channel: 'telegram', chatId: '42', kind: 'text', text: 'halo', languageHint: 'en' });
    expect(toInboundMessage(msg({ text: '/batal@lapor_anak_bot', entities: [{ type: 'bot_command', offset: 0, length: 21 }] }), telegram))
      .toMatchObject({ kind: 'text', text: 'batal' });
    const press = { update_id: 2, callback_query: { id: 'q', from, chat_instance: 'c', data: 'consent:yes', message: { message_id: 9, date: 1, chat: { id: 42, type: 'private' } } } };
    expect(toInboundMessage(press as unknown as Update, telegram)).toMatchObject({ kind: 'choice', choice: 'consent:yes' });
    expect(toInboundMessage(msg({ location: { latitude: -2.5, longitude: 101.1 } }), telegram)).toMatchObject({ kind: 'location', location: { latitude: -2.5, longitude: 101.1 } });
  });

  it('maps photos (largest size), voice notes and documents to media that downloads through getFile', async () => {
    const small = fake.addFile(Buffer.from('small'), 'photos/s.jpg');
    const large = fake.addFile(Buffer.from('the larger photo'), 'photos/l.jpg');
    const photo = toInboundMessage(msg({ caption: 'memar', photo: [{ file_id: small, file_unique_id: 's', width: 90, height: 90 }, { file_id: large, file_unique_id: 'l', width: 800, height: 600, file_size: 16 }] }), telegram);
    expect(photo).toMatchObject({ kind: 'media', text: 'memar', media: { kind: 'photo', mimeType: 'image/jpeg', size: 16 } });
    expect((await photo!.fetchMedia!()).toString()).toBe('the larger photo');

    const voiceId = fake.addFile(Buffer.from('OggS voice'), 'voice/v.oga');
    const voice = toInboundMessage(msg({ voice: { file_id: voiceId, file_unique_id: 'v', duration: 2, mime_type: 'audio/ogg', file_size: 10 } }), telegram);
    expect(voice).toMatchObject({ kind: 'media', media: { kind: 'voice', mimeType: 'audio/ogg' } });
    expect((await voice!.fetchMedia!()).toString()).toBe('OggS voice');

    const docId = fake.addFile(Buffer.from('%PDF-1.4'), 'documents/d.pdf');
    expect(toInboundMessage(msg({ document: { file_id: docId, file_unique_id: 'd', file_name: 'surat.pdf', mime_type: 'application/pdf' } }), telegram))
      .toMatchObject({ kind: 'media', media: { kind: 'document', mimeType: 'application/pdf', fileName: 'surat.pdf' } });
    const missing = toInboundMessage(msg({ document: { file_id: 'no-such-file', file_unique_id: 'x' } }), telegram);
    await expect(missing!.fetchMedia!()).rejects.toThrow();
  });

  it('gives stickers, polls and contacts as unsupported, and ignores groups, channels, edits and other updates', () => {
    expect(toInboundMessage(msg({ sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } }), telegram))
      .toMatchObject({ kind: 'unsupported' });
    expect(toInboundMessage(msg({ contact: { phone_number: '0812', first_name: 'X' } }), telegram)).toMatchObject({ kind: 'unsupported' });
    expect(toInboundMessage(msg({ text: 'halo' }, { id: -100, type: 'supergroup', title: 'g' }), telegram)).toBeNull();
    expect(toInboundMessage(msg({ text: 'halo' }, { id: -200, type: 'group', title: 'g' }), telegram)).toBeNull();
    expect(toInboundMessage({ update_id: 3, edited_message: { message_id: 1, date: 1, edit_date: 2, chat: { id: 42, type: 'private' }, text: 'x' } } as unknown as Update, telegram)).toBeNull();
    expect(toInboundMessage({ update_id: 4, channel_post: { message_id: 1, date: 1, chat: { id: -300, type: 'channel', title: 'c' }, text: 'x' } } as unknown as Update, telegram)).toBeNull();
    expect(toInboundMessage({ update_id: 5 } as unknown as Update, telegram)).toBeNull();
  });
});
