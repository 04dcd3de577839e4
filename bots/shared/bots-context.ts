import type { Router } from 'express';
import type { Redis } from 'ioredis';
import type { Config } from '../../src/config';
import type { HandleInboundMessage, OutboundMessage } from '../../src/intake/messages';
import type { Logger } from '../../src/logger';
import type { Channel } from '../../src/reports/report-vocabulary';

/**
 * Sends replies to a chat outside a conversation turn (draft reminders, staff replies). The web chat answers whether
 * an open page showed them (`delivered`) or they wait for the reporter to come back (`waiting`).
 */
export type ChannelSender = (chatId: string, replies: OutboundMessage[], purpose?: 'reminder' | 'staff_reply') => Promise<void | 'delivered' | 'waiting'>;

/** What every channel of the bots process is started with; main.ts builds it once. */
export interface BotsContext {
  config: Config;
  logger: Logger;
  /** Request/response connection (not a BullMQ worker one). */
  redis: Redis;
  handle: HandleInboundMessage;
  /** createLookupHasher(config.crypto.lookupHashKey): for keys that must not hold a raw identifier. */
  hasher: (value: string) => string;
  /** The bots HTTP server's router for webhooks and the web chat. */
  routes: Router;
  shutdown: { onStop(name: string, stop: () => Promise<unknown> | unknown): void };
  /** Filled by each channel that can reach a chat on its own. */
  senders: Partial<Record<Channel, ChannelSender>>;
}
