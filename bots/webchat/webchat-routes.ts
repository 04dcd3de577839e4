import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type Router } from 'express';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { HandleInboundMessage, InboundMessage, OutboundMessage } from '../../src/intake/messages';
import { createRateLimit } from '../shared/rate-limit';
import { renderChatPage } from './render-page';

export interface WebchatDeps {
  handle: HandleInboundMessage;
  redis: Redis;
  prefix: string;
  /** Keyed hash for the rate-limit key: a visitor's IP is never stored. */
  hasher: (value: string) => string;
  unitName: string;
  exitUrl: string;
  messagesPerMinute: number;
}

const SESSION_ID = z.string().regex(/^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/);
const ApiMessageSchema = z.object({
  sessionId: SESSION_ID,
  text: z.string().max(20_000).optional(),
  choice: z.string().max(64).optional(),
});
const FormMessageSchema = z.object({ session: SESSION_ID, text: z.string().max(20_000).optional(), choice: z.string().max(64).optional() });

const STATIC: Record<string, string> = { 'chat.js': 'text/javascript; charset=utf-8', 'chat.css': 'text/css; charset=utf-8' };
const WELCOME: OutboundMessage = { text: 'Selamat datang. Tulis pesan apa saja (misalnya "halo") untuk mulai melapor.\nWelcome. Type anything (e.g. "hello") to start a report.' };
const TOO_FAST: OutboundMessage = { text: 'Pesan Anda terlalu cepat. Mohon tunggu sebentar, lalu kirim lagi.\n\nYou are sending too fast. Please wait a moment and try again.' };

/** GET /chat (the page), POST /chat (the page without JavaScript), POST /chat/api/messages (JSON), /chat/static/*. */
export function webchatRoutes(deps: WebchatDeps): Router {
  const router = express.Router();
  const limit = createRateLimit(deps.redis, `${deps.prefix}:webchat:rate`, deps.messagesPerMinute, 60);
  const files = new Map(Object.keys(STATIC).map((name) => [name, readFileSync(path.join(__dirname, 'public', name))]));

  router.use('/chat', (_req, res, next) => {
    // Nothing of a conversation stays in caches, frames or referrers.
    res.set({
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    });
    next();
  });

  router.get('/chat/static/:name', (req, res) => {
    const name = String(req.params.name);
    const body = files.get(name);
    if (!body) return void res.status(404).end();
    res.type(STATIC[name]!).send(body);
  });

  router.get('/chat', (_req, res) => {
    res.type('html').send(page(randomUUID(), [WELCOME]));
  });

  router.post('/chat', express.urlencoded({ extended: false, limit: '64kb' }), async (req, res) => {
    const form = FormMessageSchema.safeParse(req.body);
    const sessionId = form.success ? form.data.session : randomUUID();
    if (!form.success) return void res.status(400).type('html').send(page(sessionId, [WELCOME]));
    const said = form.data.choice ? undefined : form.data.text;
    const replies = await converse(req, sessionId, form.data.text, form.data.choice);
    res.status(replies === TOO_FAST_REPLIES ? 429 : 200).type('html').send(page(sessionId, replies, said));
  });

  router.post('/chat/api/messages', express.json({ limit: '64kb' }), async (req, res) => {
    const body = ApiMessageSchema.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'expected {sessionId, text} or {sessionId, choice}' });
    const replies = await converse(req, body.data.sessionId, body.data.text, body.data.choice);
    res.status(replies === TOO_FAST_REPLIES ? 429 : 200).json({ replies });
  });

  const TOO_FAST_REPLIES = [TOO_FAST];
  async function converse(req: Request, sessionId: string, text?: string, choice?: string): Promise<OutboundMessage[]> {
    if (!(await limit.hit(deps.hasher(`webchat-ip:${req.ip ?? 'unknown'}`)))) return TOO_FAST_REPLIES;
    const message: InboundMessage = choice
      ? { channel: 'webchat', chatId: sessionId, kind: 'choice', choice, receivedAt: new Date() }
      : { channel: 'webchat', chatId: sessionId, kind: 'text', text: text ?? '', receivedAt: new Date() };
    return deps.handle(message);
  }

  function page(sessionId: string, replies: OutboundMessage[], said?: string): string {
    return renderChatPage({ sessionId, unitName: deps.unitName, exitUrl: deps.exitUrl, replies, said });
  }

  return router;
}
