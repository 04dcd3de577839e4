import type { EventEmitter } from 'node:events';
import { Client, LocalAuth } from 'whatsapp-web.js';
import type { Config } from '../../src/config';

/**
 * What the adapter uses of whatsapp-web.js's Client: its events (`qr`, `authenticated`, `auth_failure`, `ready`,
 * `message`, `disconnected`), `initialize`, `sendMessage` and `destroy`. Tests pass a fake with the same shape.
 */
export interface WhatsappClient extends EventEmitter {
  initialize(): Promise<void>;
  sendMessage(chatId: string, content: string): Promise<unknown>;
  destroy(): Promise<void>;
}

/** The real client: Debian's Chromium headless, the login kept in the session folder (a volume in production). */
export function createWhatsappClient(config: Pick<Config, 'whatsapp'>): WhatsappClient {
  return new Client({
    authStrategy: new LocalAuth({ dataPath: config.whatsapp.sessionDir }),
    puppeteer: {
      headless: true,
      executablePath: config.whatsapp.chromiumPath,
      // Inside a container Chromium has no user namespaces for its sandbox, and /dev/shm is small.
      args: ['--no-sandbox', '--disable-setuid-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
    },
  }) as unknown as WhatsappClient;
}
