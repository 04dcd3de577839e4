import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import type { Redis } from 'ioredis';
import { recordInboundMessage } from '../../src/channels/customer-service-window';
import type { HandleInboundMessage } from '../../src/intake/messages';
import type { Logger } from '../../src/logger';
import { errorText } from '../../src/runtime/error-text';
import { createPerChatQueue, type PerChatQueue } from '../shared/per-chat-queue';
import type { GraphApi } from './graph-api';
import { sendReplies } from './send-reply';
import { CloudWebhookSchema, messagesOf, toInboundMessage } from './to-inbound-message';

export interface CloudWebhookDeps {
  /** The webhook path, e.g. /whatsapp-cloud/webhook */
  path: string;
  verifyToken: string;
  appSecret: string;
  handle: HandleInboundMessage;
  graph: GraphApi;
  redis: Redis;
  prefix: string;
  hasher: (value: string) => string;
  logger: Logger;
}

const SEEN_TTL_S = 24 * 3600;

/**
 * GET: Meta's subscription handshake. POST: messages, accepted only with a valid X-Hub-Signature-256 over the raw
 * body; answered 200 at once (Meta re-sends what is not acknowledged quickly), then handled one at a time per chat.
 */
export function cloudWebhookRoutes(deps: CloudWebhookDeps): { router: Router; chats: PerChatQueue } {
  const { path, handle, graph, redis, prefix, hasher, logger } = deps;
  const router = express.Router();
  const chats = createPerChatQueue((err) => logger.error({ err: errorText(err) }, 'whatsapp cloud message failed'));

  router.get(path, (req, res) => {
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (mode === 'subscribe' && typeof token === 'string' && sameText(token, deps.verifyToken) && typeof challenge === 'string') {
      res.type('text/plain').send(challenge);
      return;
    }
    res.sendStatus(403);
  });

  router.post(path, express.raw({ type: () => true, limit: '1mb' }), (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!validSignature(raw, req.get('x-hub-signature-256'), deps.appSecret)) {
      res.status(401).json({ error: 'bad signature' });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      res.status(400).json({ error: 'not json' });
      return;
    }
    const body = CloudWebhookSchema.safeParse(json);
    res.sendStatus(200);
    if (!body.success) {
      logger.warn('whatsapp cloud webhook of an unknown shape ignored');
      return;
    }
    for (const msg of messagesOf(body.data)) {
      void chats.run(msg.from, async () => {
        if (!(await firstDelivery(msg.id))) return;
        const message = toInboundMessage(msg, (mediaId) => graph.downloadMedia(mediaId));
        await recordInboundMessage(redis, prefix, hasher(`whatsapp_cloud:${msg.from}`), new Date())
          .catch((err) => logger.warn({ err: errorText(err) }, 'customer-service window not recorded'));
        const replies = await handle(message);
        await sendReplies(graph, msg.from, replies);
      });
    }
  });

  async function firstDelivery(messageId: string): Promise<boolean> {
    try {
      return (await redis.set(`${prefix}:wa-cloud:seen:${hasher(messageId)}`, '1', 'EX', SEEN_TTL_S, 'NX')) === 'OK';
    } catch {
      return true;
    }
  }

  return { router, chats };
}

function validSignature(raw: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', appSecret).update(raw).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function sameText(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}
