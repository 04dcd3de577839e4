import type { InboundMessage, MediaKind } from '../../src/intake/messages';

/** The parts of whatsapp-web.js's Message the adapter reads. */
export interface WhatsappMessage {
  from: string;
  body: string;
  type: string;
  hasMedia: boolean;
  fromMe: boolean;
  timestamp: number;
  isStatus?: boolean;
  id: { _serialized: string };
  location?: { latitude: string | number; longitude: string | number };
  downloadMedia(): Promise<{ mimetype: string; data: string; filename?: string | null; filesize?: number | null } | undefined>;
}

const MEDIA_TYPES: Record<string, MediaKind> = { image: 'photo', ptt: 'voice', audio: 'audio', video: 'video', document: 'document' };

/**
 * The engine's message for a WhatsApp message, or null for what is not a reporter writing to us one-to-one:
 * our own messages, groups (`@g.us`), status updates (`status@broadcast`), broadcast lists and channels.
 * Media is downloaded here, because its type and size are only known once it is.
 */
export async function toInboundMessage(msg: WhatsappMessage): Promise<InboundMessage | null> {
  if (msg.fromMe || msg.isStatus || !isPrivateChat(msg.from)) return null;
  const base = { channel: 'whatsapp' as const, chatId: msg.from, receivedAt: new Date(msg.timestamp * 1000 || Date.now()) };

  if (msg.type === 'chat') return { ...base, kind: 'text', text: msg.body };
  if (msg.type === 'location' && msg.location) {
    const latitude = Number(msg.location.latitude);
    const longitude = Number(msg.location.longitude);
    if (Number.isFinite(latitude) && Number.isFinite(longitude)) return { ...base, kind: 'location', location: { latitude, longitude } };
  }
  const kind = MEDIA_TYPES[msg.type];
  if (kind && msg.hasMedia) {
    const media = await msg.downloadMedia().catch(() => undefined);
    if (!media?.data) return { ...base, kind: 'media', media: { kind }, fetchMedia: () => Promise.reject(new Error('media not downloadable')) };
    const bytes = Buffer.from(media.data, 'base64');
    return {
      ...base,
      kind: 'media',
      // A caption arrives as the body of a media message.
      text: msg.body || undefined,
      media: { kind, mimeType: media.mimetype.split(';')[0]!.trim(), size: bytes.length, fileName: media.filename ?? undefined },
      fetchMedia: async () => bytes,
    };
  }
  return { ...base, kind: 'unsupported' };
}

function isPrivateChat(from: string): boolean {
  return /@(c\.us|lid|s\.whatsapp\.net)$/.test(from) && from !== 'status@broadcast';
}
