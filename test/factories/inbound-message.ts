import type { InboundMessage } from '../../src/intake/messages';

// Builders of what a channel adapter would hand the intake engine.

export const textFrom = (chatId: string, text: string, channel: InboundMessage['channel'] = 'telegram'): InboundMessage => ({
  channel, chatId, kind: 'text', text, receivedAt: new Date(),
});

export const choiceFrom = (chatId: string, choice: string): InboundMessage => ({
  channel: 'telegram', chatId, kind: 'choice', choice, receivedAt: new Date(),
});

export const photoFrom = (chatId: string, bytes: Buffer, caption?: string): InboundMessage => ({
  channel: 'telegram', chatId, kind: 'media', text: caption, receivedAt: new Date(),
  media: { kind: 'photo', mimeType: 'image/jpeg', size: bytes.length },
  fetchMedia: async () => bytes,
});

export const locationFrom = (chatId: string, latitude: number, longitude: number): InboundMessage => ({
  channel: 'telegram', chatId, kind: 'location', location: { latitude, longitude }, receivedAt: new Date(),
});

export const stickerFrom = (chatId: string): InboundMessage => ({
  channel: 'telegram', chatId, kind: 'unsupported', receivedAt: new Date(),
});
