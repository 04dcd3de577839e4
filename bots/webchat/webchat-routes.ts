import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { ReporterNotices } from '../../src/alerts/reporter-notices';
import type { HandleInboundMessage, InboundMessage, MediaKind, OutboundMessage } from '../../src/intake/messages';
import { createRateLimit } from '../shared/rate-limit';
import { renderEmergencyBlock, type EmergencyLink } from './emergency-block';
import type { LiveChats } from './live-chats';
import { renderChatPage } from './render-page';
import { createUploadGate } from './upload-gate';
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
  maxTextLength: number;
  media: { allowedTypes: readonly string[]; maxBytes: number };
  live: LiveChats;
  /** Staff replies kept for this chat while it was closed: shown once its page is open again, then marked delivered. */
  waitingReplies: (sessionId: string) => Promise<{ id: string; replies: OutboundMessage[] }[]>;
  markShown: (messageId: string) => Promise<void>;
}

const SESSION_ID = z.string().regex(/^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/);
// Longer than INTAKE_MAX_TEXT_LENGTH on purpose: the engine answers an over-long text calmly instead of a 400.
const TEXT = z.string().max(50_000);
const ApiMessageSchema = z.object({
  sessionId: SESSION_ID,
  text: TEXT.optional(),
  choice: z.string().max(64).optional(),
  location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).strict().optional(),
});
type ApiMessage = z.infer<typeof ApiMessageSchema>;
const FormMessageSchema = z.object({ session: SESSION_ID, text: TEXT.optional(), choice: z.string().max(64).optional() });
/** A file from the page: base64 in JSON, so the page needs no multipart encoder and the server no multipart parser. */
const UploadSchema = z.object({
  sessionId: SESSION_ID,
  mimeType: z.string().max(100).regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i),
  fileName: z.string().max(200).optional(),
  caption: TEXT.optional(),
  /** Recorded in the page (a voice note), not picked from the device. */
  recorded: z.boolean().optional(),
  data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
type Upload = z.infer<typeof UploadSchema>;

const STATIC: Record<string, string> = { 'chat.js': 'text/javascript; charset=utf-8', 'chat.css': 'text/css; charset=utf-8' };
const WELCOME: OutboundMessage = { text: 'Selamat datang. Tulis pesan apa saja (misalnya "halo") untuk mulai melapor.\nWelcome. Type anything (e.g. "hello") to start a report.' };
/** Only a new session over its address's ceiling hears this; a conversation under way is never refused. */
const TOO_MANY_SESSIONS: OutboundMessage = {
  text: 'Terlalu banyak percakapan baru dari jaringan ini. Mohon coba lagi beberapa menit lagi. Jika ada anak dalam bahaya, hubungi 112, polisi 110, atau SAPA 129.\n\n' +
    'Too many new conversations from this network. Please try again in a few minutes. If a child is in danger, call 112.',
  urgent: true,
};
/** Files read at once from one address, and by this process overall (upload-gate.ts says why). */
const UPLOADS_PER_ADDRESS = 3;
const UPLOADS_IN_FLIGHT = 12;
const UPLOAD_BUSY: OutboundMessage = {
  text: 'Berkas belum terkirim: terlalu banyak berkas sedang dikirim saat ini. Mohon kirim lagi sebentar lagi; pesan teks tetap bisa dikirim.\n\n' +
    'The file was not sent: too many files are being sent right now. Please send it again in a moment; text messages still go through.',
};
/** Keeps proxies and the browser from closing a quiet event stream. */
const HEARTBEAT_MS = 25_000;
/** Open event streams one bots process holds at most: each is a socket and a subscription. */
const MAX_OPEN_STREAMS = 5_000;

/**
 * GET /chat (the page), POST /chat (the page without JavaScript), POST /chat/api/messages (JSON: text, choice,
 * location), POST /chat/api/upload (a file), GET /chat/api/events (server-sent events: staff replies),
 * POST /chat/api/notices (what the worker left for the session), /chat/static/*.
 */
export function webchatRoutes(deps: WebchatDeps): Router & { closeStreams(): void } {
  const router = express.Router();
  const limits = createWebchatLimits(deps.redis, deps.prefix, deps.hasher, deps.limits);
  // Opening the event stream costs a subscription and a look-up of waiting replies: counted apart from messages, so a
  // reconnecting page never uses up what a reporter may send. A session with a conversation under way counts its own
  // reconnects; only a page with none yet counts against its address (whose new conversations are capped anyway):
  // counted by address, anyone behind a shared carrier, school or office address who opened pages fast enough cut
  // every other reporter there off from staff replies (a refused EventSource does not come back).
  const connects = createRateLimit(deps.redis, `${deps.prefix}:webchat:connect`, deps.limits.messagesPerMinute, 60);
  const files = new Map(Object.keys(STATIC).map((name) => [name, readFileSync(path.join(__dirname, 'public', name))]));
  const streams = new Set<Response>();

  router.use('/chat', (_req, res, next) => {
    // Nothing of a conversation stays in caches, frames or referrers.
    res.set({
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
      // The page asks for the location only when the visitor presses "share location"; nothing else.
      'permissions-policy': 'geolocation=(self), microphone=(self), camera=()',
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

  router.post('/chat', express.urlencoded({ extended: false, limit: '256kb' }), async (req, res) => {
    const form = FormMessageSchema.safeParse(req.body);
    const sessionId = form.success ? form.data.session : randomUUID();
    if (!form.success) return void res.status(400).type('html').send(page(sessionId, [WELCOME]));
    const said = form.data.choice ? undefined : form.data.text;
    const answer = await converse(req, toInbound(sessionId, form.data));
    res.status(answer.refused ? 429 : 200).type('html').send(page(sessionId, answer.replies, said, answer.emergency));
  });

  router.post('/chat/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
    const body = ApiMessageSchema.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'expected {sessionId, text}, {sessionId, choice} or {sessionId, location}' });
    const answer = await converse(req, toInbound(body.data.sessionId, body.data));
    res.status(answer.refused ? 429 : 200).json({ replies: answer.replies, emergency: answer.emergency });
  });

  // base64 is a third larger than the file; the schema and the engine check the decoded size again.
  const uploadLimit = Math.ceil((deps.media.maxBytes * 4) / 3) + 64 * 1024;
  const uploads = createUploadGate(UPLOADS_PER_ADDRESS, UPLOADS_IN_FLIGHT);
  const admitUpload = (req: Request, res: Response, next: () => void) => {
    const leave = uploads.enter(req.ip ?? 'unknown');
    if (!leave) return void res.status(429).set('retry-after', '5').json({ replies: [UPLOAD_BUSY], emergency: false });
    res.on('close', leave);
    next();
  };
  router.post('/chat/api/upload', admitUpload, express.json({ limit: uploadLimit }), async (req, res) => {
    const body = UploadSchema.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'expected {sessionId, mimeType, data (base64)}' });
    const bytes = Buffer.from(body.data.data, 'base64');
    const answer = await converse(req, toMediaMessage(body.data, bytes));
    res.status(answer.refused ? 429 : 200).json({ replies: answer.replies, emergency: answer.emergency });
  });

  router.get('/chat/api/events', async (req, res) => {
    const sessionId = SESSION_ID.safeParse(req.query.sessionId);
    if (!sessionId.success) return void res.status(400).json({ error: 'expected ?sessionId=' });
    // A refused stream is not retried by EventSource: the chat goes on without live replies, which wait instead.
    if (streams.size >= MAX_OPEN_STREAMS) return void res.status(503).json({ error: 'busy' });
    const counted = (await limits.underWay(sessionId.data)) ? `webchat-session:${sessionId.data}` : `webchat-ip:${req.ip ?? 'unknown'}`;
    if (!(await connects.hit(deps.hasher(counted)))) return void res.status(429).json({ error: 'too many connections' });
    res.status(200).set({ 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.flushHeaders();
    res.write('retry: 3000\n\n');
    const send = (replies: OutboundMessage[]) => res.write(`event: replies\ndata: ${JSON.stringify({ replies })}\n\n`);
    streams.add(res);
    const stop = await deps.live.open(sessionId.data, send);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    res.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(res);
      void stop();
    });
    try {
      for (const waiting of await deps.waitingReplies(sessionId.data)) {
        if (res.writableEnded) break;
        send(waiting.replies);
        await deps.markShown(waiting.id);
      }
    } catch {
      // The replies stay `waiting` and are shown the next time the page connects.
    }
  });

  // The page's script asks now and then while danger is heard: "a person has the alert" arrives without a message.
  router.post('/chat/api/notices', express.json({ limit: '1kb' }), async (req, res) => {
    const body = z.object({ sessionId: SESSION_ID }).safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'expected {sessionId}' });
    res.json({ replies: await waitingNotices(body.data.sessionId) });
  });

  interface Answer { replies: OutboundMessage[]; emergency: boolean; refused?: boolean }
  async function converse(req: Request, message: InboundMessage): Promise<Answer> {
    const sessionId = message.chatId;
    const choice = message.kind === 'choice' ? message.choice : undefined;
    const admission = await limits.admit(sessionId, req.ip ?? 'unknown', choice);
    if (!admission.admitted) return { replies: [TOO_MANY_SESSIONS], emergency: true, refused: true };
    // Over the per-session rate: answered a little later, never dropped.
    if (admission.pauseMs) await new Promise((resolve) => setTimeout(resolve, admission.pauseMs));
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
      sessionId, unitName: deps.unitName, exitUrl: deps.exitUrl, replies, said, maxTextLength: deps.maxTextLength, media: deps.media,
      pinned: renderEmergencyBlock(deps.emergency, emergency),
    });
  }

  const router2 = router as Router & { closeStreams(): void };
  /** Ends every open event stream (graceful stop: the HTTP server can then close). */
  router2.closeStreams = () => {
    for (const res of streams) res.end();
    streams.clear();
  };
  return router2;
}

function toInbound(sessionId: string, body: Omit<ApiMessage, 'sessionId'>): InboundMessage {
  const base = { channel: 'webchat' as const, chatId: sessionId, receivedAt: new Date() };
  if (body.choice) return { ...base, kind: 'choice', choice: body.choice };
  if (body.location) return { ...base, kind: 'location', location: body.location };
  return { ...base, kind: 'text', text: body.text ?? '' };
}

/** The same media message Telegram or WhatsApp would give the engine; the bytes are already here. */
function toMediaMessage(upload: Upload, bytes: Buffer): InboundMessage {
  const mimeType = upload.mimeType.toLowerCase();
  return {
    channel: 'webchat', chatId: upload.sessionId, kind: 'media', receivedAt: new Date(),
    text: upload.caption || undefined,
    media: { kind: mediaKindOf(mimeType, upload.recorded === true), mimeType, size: bytes.length, fileName: upload.fileName },
    fetchMedia: async () => bytes,
  };
}

function mediaKindOf(mimeType: string, recorded: boolean): MediaKind {
  if (mimeType.startsWith('image/')) return 'photo';
  if (mimeType.startsWith('audio/')) return recorded || mimeType === 'audio/ogg' ? 'voice' : 'audio';
  if (mimeType.startsWith('video/')) return 'video';
  return 'document';
}
