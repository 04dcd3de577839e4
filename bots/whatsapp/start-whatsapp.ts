import qrcodeTerminal from 'qrcode-terminal';
import type { Redis } from 'ioredis';
import { clearWhatsappLoginQr, storeWhatsappLoginQr } from '../../src/channels/whatsapp-login-qr';
import type { HandleInboundMessage } from '../../src/intake/messages';
import type { Logger } from '../../src/logger';
import { errorText } from '../../src/runtime/error-text';
import { createPerChatQueue } from '../shared/per-chat-queue';
import type { WhatsappClient } from './create-client';
import { queueReplies, type WhatsappOutbox } from './send-reply';
import { toInboundMessage, type WhatsappMessage } from './to-inbound-message';

export interface WhatsappDeps {
  client: WhatsappClient;
  handle: HandleInboundMessage;
  outbox: WhatsappOutbox;
  redis: Redis;
  prefix: string;
  logger: Logger;
  /** Wait before reconnect attempt n (0-based). Default: 5 s doubling to 5 min. */
  reconnectDelayMs?: (attempt: number) => number;
  /** Where the login QR is drawn; default the terminal. */
  showQr?: (qr: string) => void;
}

export interface RunningWhatsapp {
  isReady(): boolean;
  stop(): Promise<void>;
}

/**
 * Runs the WhatsApp session: the login QR to the terminal and (briefly) to Redis for the admin panel, reconnects
 * with backoff when WhatsApp disconnects, and hands each private message to the engine, one at a time per chat.
 */
export function startWhatsapp(deps: WhatsappDeps): RunningWhatsapp {
  const { client, handle, outbox, redis, prefix, logger } = deps;
  const delayFor = deps.reconnectDelayMs ?? ((n) => Math.min(5_000 * 2 ** n, 300_000));
  const showQr = deps.showQr ?? ((qr) => qrcodeTerminal.generate(qr, { small: true }));
  const chats = createPerChatQueue((err) => logger.error({ err: errorText(err) }, 'whatsapp message failed'));
  let ready = false;
  let stopping = false;
  let attempt = 0;
  let reconnectTimer: NodeJS.Timeout | undefined;

  client.on('qr', (qr: string) => {
    logger.info('whatsapp login needed: scan the QR code (terminal or admin panel) with the unit\'s phone');
    showQr(qr);
    storeWhatsappLoginQr(redis, prefix, qr).catch((err) => logger.warn({ err: errorText(err) }, 'whatsapp QR not kept'));
  });
  client.on('authenticated', () => logger.info('whatsapp authenticated'));
  client.on('auth_failure', (reason: unknown) => {
    ready = false;
    logger.error({ reason: String(reason).slice(0, 200) },
      'whatsapp login failed: the saved session is no longer valid. Delete WHATSAPP_SESSION_DIR and scan a new QR code');
  });
  client.on('ready', () => {
    ready = true;
    attempt = 0;
    clearWhatsappLoginQr(redis, prefix).catch(() => undefined);
    logger.info('whatsapp ready');
  });
  client.on('disconnected', (reason: unknown) => {
    ready = false;
    if (stopping) return;
    const waitMs = delayFor(attempt++);
    logger.warn({ reason: String(reason).slice(0, 100), retryInMs: waitMs }, 'whatsapp disconnected; reconnecting');
    reconnectTimer = setTimeout(() => void reconnect(), waitMs);
  });
  client.on('message', (msg: WhatsappMessage) => {
    // Ordered per chat from the moment it arrives; media download happens inside the chat's turn.
    void chats.run(String(msg.from), async () => {
      const message = await toInboundMessage(msg);
      if (!message) return;
      const replies = await handle(message);
      await queueReplies(outbox, message.chatId, replies);
    });
  });

  async function reconnect(): Promise<void> {
    if (stopping) return;
    try {
      await client.destroy().catch(() => undefined);
      await client.initialize();
    } catch (err) {
      const waitMs = delayFor(attempt++);
      logger.error({ err: errorText(err), retryInMs: waitMs }, 'whatsapp reconnect failed');
      reconnectTimer = setTimeout(() => void reconnect(), waitMs);
    }
  }

  client.initialize().catch((err) => {
    logger.error({ err: errorText(err) }, 'whatsapp could not start (Chromium or network); retrying');
    client.emit('disconnected', 'INIT_FAILED');
  });

  return {
    isReady: () => ready,
    async stop() {
      stopping = true;
      clearTimeout(reconnectTimer);
      await chats.drain();
      await client.destroy().catch(() => undefined);
    },
  };
}
