import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { InboundMessage, MediaKind } from '../../src/intake/messages';

// Where telegraf's update shapes meet ours. Only private chats reach the engine: a report never starts in a group.

/** The engine's message for an update, or null when the update is nothing a reporter said to us (groups, edits, joins). */
export function toInboundMessage(update: Update, telegram: Telegram): InboundMessage | null {
  if ('callback_query' in update) {
    const query = update.callback_query;
    const chat = query.message?.chat;
    if (!chat || chat.type !== 'private') return null;
    const data = 'data' in query ? query.data : undefined;
    return {
      ...base(chat.id, query.from.language_code),
      ...(data ? { kind: 'choice', choice: data.slice(0, 64) } : { kind: 'unsupported' }),
    };
  }
  if (!('message' in update)) return null;
  const message = update.message as Record<string, any> & { chat: { id: number; type: string }; from?: { language_code?: string } };
  if (message.chat.type !== 'private') return null;
  const common = base(message.chat.id, message.from?.language_code);

  if (typeof message.text === 'string') return { ...common, kind: 'text', text: asCommandWord(message.text, message.entities) };
  if (message.location) {
    const { latitude, longitude } = message.location as { latitude: number; longitude: number };
    return { ...common, kind: 'location', location: { latitude, longitude } };
  }
  const media = mediaOf(message);
  if (media) {
    return {
      ...common,
      kind: 'media',
      text: typeof message.caption === 'string' ? message.caption : undefined,
      media: { kind: media.kind, mimeType: media.mimeType, size: media.size, fileName: media.fileName },
      fetchMedia: () => downloadFile(telegram, media.fileId),
    };
  }
  // Stickers, polls, contacts, dice…: the engine answers with a calm "please type or choose".
  return { ...common, kind: 'unsupported' };
}

function base(chatId: number, languageCode: string | undefined) {
  return { channel: 'telegram' as const, chatId: String(chatId), languageHint: languageCode, receivedAt: new Date() };
}

/** "/batal@lapor_bot" is the word "batal" to the engine; other text passes unchanged. */
function asCommandWord(text: string, entities: { type: string; offset: number; length: number }[] | undefined): string {
  const command = entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!command) return text;
  return text.slice(1, command.length).split('@')[0] + text.slice(command.length);
}

interface MediaInfo {
  kind: MediaKind;
  fileId: string;
  mimeType?: string;
  size?: number;
  fileName?: string;
}

function mediaOf(message: Record<string, any>): MediaInfo | null {
  if (Array.isArray(message.photo) && message.photo.length) {
    // Telegram sends several sizes, smallest first: keep the largest.
    const largest = message.photo[message.photo.length - 1];
    return { kind: 'photo', fileId: largest.file_id, mimeType: 'image/jpeg', size: largest.file_size };
  }
  const kinds: [string, MediaKind, string | undefined][] = [
    ['voice', 'voice', 'audio/ogg'],
    ['audio', 'audio', undefined],
    ['video', 'video', 'video/mp4'],
    ['video_note', 'video', 'video/mp4'],
    ['document', 'document', undefined],
  ];
  for (const [field, kind, defaultMime] of kinds) {
    const file = message[field];
    if (file?.file_id) {
      return { kind, fileId: file.file_id, mimeType: file.mime_type ?? defaultMime, size: file.file_size, fileName: file.file_name };
    }
  }
  return null;
}

async function downloadFile(telegram: Telegram, fileId: string): Promise<Buffer> {
  const link = await telegram.getFileLink(fileId);
  const response = await fetch(link);
  if (!response.ok) throw new Error(`file download answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
