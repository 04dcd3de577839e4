import { EventEmitter } from 'node:events';
import type { WhatsappClient } from '../../bots/whatsapp/create-client';
import type { WhatsappMessage } from '../../bots/whatsapp/to-inbound-message';

// A stand-in for whatsapp-web.js's Client: the same event names and Message shapes, no browser.
// The test plays WhatsApp: it emits `qr`, `ready`, `message`, `disconnected`… and reads what the adapter sent.

export class FakeWhatsappClient extends EventEmitter implements WhatsappClient {
  sent: { chatId: string; content: string }[] = [];
  initializeCalls = 0;
  destroyCalls = 0;
  private nextId = 1;

  async initialize(): Promise<void> {
    this.initializeCalls++;
  }
  async sendMessage(chatId: string, content: string): Promise<unknown> {
    this.sent.push({ chatId, content });
    return { id: { _serialized: `true_${chatId}_${this.nextId++}` }, body: content };
  }
  async destroy(): Promise<void> {
    this.destroyCalls++;
  }

  textsTo(chatId: string): string[] {
    return this.sent.filter((m) => m.chatId === chatId).map((m) => m.content);
  }

  /** Emits a `message` event shaped like whatsapp-web.js's Message. */
  receive(from: string, over: Partial<WhatsappMessage> & { media?: { mimetype: string; data: Buffer; filename?: string } } = {}): WhatsappMessage {
    const { media, ...rest } = over;
    const id = this.nextId++;
    const msg: WhatsappMessage = {
      from,
      body: '',
      type: media ? 'image' : 'chat',
      hasMedia: Boolean(media),
      fromMe: false,
      timestamp: Math.floor(Date.now() / 1000),
      id: { _serialized: `false_${from}_${id}` },
      downloadMedia: async () => (media ? { mimetype: media.mimetype, data: media.data.toString('base64'), filename: media.filename ?? null, filesize: media.data.length } : undefined),
      ...rest,
    };
    this.emit('message', msg);
    return msg;
  }

  text(from: string, body: string): WhatsappMessage {
    return this.receive(from, { body, type: 'chat' });
  }
}
