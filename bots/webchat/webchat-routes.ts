import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type Router } from 'express';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { ReporterNotices } from '../../src/alerts/reporter-notices';
import type { HandleInboundMessage, InboundMessage, OutboundMessage } from '../../src/intake/messages';
import { renderEmergencyBlock, type EmergencyLink } from './emergency-block';
import { renderChatPage } from './render-page';
import { createWebchatLimits, type WebchatLimitSettings } from './webchat-limits';

export interface WebchatDeps {
  handle: HandleInboundMessage;
  redis: Redis;
  prefix: string;
  /** Keyed hash for the rate-limit key: a visitor's IP is never stored. */
  hasher: (value: string) => string;
  unitName: string;
  exitUrl: string;
  limits: WebchatLimitSettings;
  /** The district's emergency numbers as links, pinned once danger is heard. */
  emergency: EmergencyLink[];
  /** What the worker left for a session (a person has the alert): shown with its next answer. */
  notices?: ReporterNotices;
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
/** Only a new session over its address's ceiling hears this; a conversation under way is never refused. */
const TOO_MANY_SESSIONS: OutboundMessage = {
  text: 'Terlalu banyak percakapan baru dari jaringan ini. Mohon coba lagi beberapa menit lagi. Jika ada anak dalam bahaya, hubungi 112, polisi 110, atau SAPA 129.\n\n' +
    'Too many new conversations from this network. Please try again in a few minutes. If a child is in danger, call 112.',
  urgent: true,
};

/**
 * GET /chat (the page), POST /chat (the page without JavaScript), POST /chat/api/messages (JSON),
 * POST /chat/api/notices (what the worker left for the session), /chat/static/*.
 */
export function webchatRoutes(deps: WebchatDeps): Router {
  const router = express.Router();
  const limits = createWebchatLimits(deps.redis, deps.prefix, deps.hasher, deps.limits);
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
    const answer = await converse(req, sessionId, form.data.text, form.data.choice);
    res.status(answer.refused ? 429 : 200).type('html').send(page(sessionId, answer.replies, said, answer.emergency));
  });

  router.post('/chat/api/messages', express.json({ limit: '64kb' }), async (req, res) => {
    const body = ApiMessageSchema.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'expected {sessionId, text} or {sessionId, choice}' });
    const answer = await converse(req, body.data.sessionId, body.data.text, body.data.choice);
    res.status(answer.refused ? 429 : 200).json({ replies: answer.replies, emergency: answer.emergency });
  });

  // The page's script asks now and then while danger is heard: "a person has the alert" arrives without a message.
  router.post('/chat/api/notices', express.json({ limit: '1kb' }), async (req, res) => {
    const body = z.object({ sessionId: SESSION_ID }).safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'expected {sessionId}' });
    res.json({ replies: await waitingNotices(body.data.sessionId) });
  });

  interface Answer { replies: OutboundMessage[]; emergency: boolean; refused?: boolean }
  async function converse(req: Request, sessionId: string, text?: string, choice?: string): Promise<Answer> {
    const admission = await limits.admit(sessionId, req.ip ?? 'unknown', choice);
    if (!admission.admitted) return { replies: [TOO_MANY_SESSIONS], emergency: true, refused: true };
    // Over the per-session rate: answered a little later, never dropped.
    if (admission.pauseMs) await new Promise((resolve) => setTimeout(resolve, admission.pauseMs));
    const message: InboundMessage = choice
      ? { channel: 'webchat', chatId: sessionId, kind: 'choice', choice, receivedAt: new Date() }
      : { channel: 'webchat', chatId: sessionId, kind: 'text', text: text ?? '', receivedAt: new Date() };
    const [notices, replies] = await Promise.all([waitingNotices(sessionId), deps.handle(message)]);
    const emergency = await limits.noteReplies(sessionId, replies);
    return { replies: [...notices, ...replies], emergency };
  }

  async function waitingNotices(sessionId: string): Promise<OutboundMessage[]> {
    const texts = await deps.notices?.takeAll(deps.hasher(`webchat:${sessionId}`)).catch(() => []);
    return (texts ?? []).map((text) => ({ text }));
  }

  function page(sessionId: string, replies: OutboundMessage[], said?: string, emergency = false): string {
    return renderChatPage({
      sessionId, unitName: deps.unitName, exitUrl: deps.exitUrl, replies, said,
      pinned: renderEmergencyBlock(deps.emergency, emergency),
    });
  }

  return router;
}
