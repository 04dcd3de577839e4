import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A Telegram Bot API server for tests, speaking the real HTTP protocol (https://core.telegram.org/bots/api):
// POST /bot<token>/<method> with JSON, form or query parameters, answered with {ok, result} or
// {ok:false, error_code, description, parameters}. The real telegraf client runs against it via `apiRoot`.

export interface RecordedCall {
  method: string;
  params: Record<string, any>;
  at: number;
}

export interface FakeTelegram {
  apiRoot: string;
  token: string;
  botUsername: string;
  /** Called with every API call as it arrives (benchmarks measure reply latency with it); returns an unsubscribe. */
  onCall(listener: (call: RecordedCall) => void): () => void;
  /** Every API call the bot made, in order; optionally only one method's. */
  calls(method?: string): RecordedCall[];
  /** The messages the bot sent to a chat (sendMessage params), in order. */
  messagesTo(chatId: number | string): Record<string, any>[];
  textsTo(chatId: number | string): string[];
  /** Queues an update for getUpdates; assigns update_id. */
  pushUpdate(update: Record<string, any>): number;
  sendText(chatId: number, text: string, from?: Partial<TelegramUser>): number;
  pressButton(chatId: number, data: string, messageId?: number): number;
  sendPhoto(chatId: number, bytes: Buffer, caption?: string): number;
  /** A voice note (audio/ogg) or a document with its MIME type, downloadable through getFile. */
  sendVoice(chatId: number, bytes: Buffer): number;
  sendDocument(chatId: number, bytes: Buffer, mimeType: string, fileName: string): number;
  sendSticker(chatId: number): number;
  /** The webhook set by the bot (setWebhook), what each push to it answered, in order (0: no answer), and why not. */
  webhook(): { url: string; secretToken?: string; deliveries: number[]; errors: string[] } | null;
  /** Makes a file downloadable through getFile and /file/bot<token>/<path>. Returns its file_id. */
  addFile(bytes: Buffer, filePath?: string): string;
  /** The next call of `method` fails with this error (e.g. 429 with retry_after). */
  failNext(method: string, errorCode: number, retryAfter?: number, chatId?: number | string): void;
  /** While on, file downloads get no answer (a slow network); turning it off answers those still waiting. */
  stallDownloads(on: boolean): void;
  close(): Promise<void>;
}

interface TelegramUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  language_code?: string;
}

export async function startFakeTelegram(opts: { token?: string } = {}): Promise<FakeTelegram> {
  const token = opts.token ?? '123456789:TEST-fake-token-for-tests-only';
  const botUsername = 'lapor_anak_test_bot';
  const recorded: RecordedCall[] = [];
  const updates: Record<string, any>[] = [];
  const files = new Map<string, { bytes: Buffer; path: string }>();
  // A failure may be for one chat only: with several jobs sending at once, "the next call" is otherwise a race.
  const failures = new Map<string, { error_code: number; retry_after?: number; chat_id?: string }[]>();
  const waiters = new Set<() => void>();
  const listeners = new Set<(call: RecordedCall) => void>();
  let nextUpdateId = 1;
  let downloadsStalled = false;
  let stalledDownloads: (() => void)[] = [];
  let nextMessageId = 1000;
  let nextFileId = 1;
  let webhook: { url: string; secretToken?: string; deliveries: number[]; errors: string[] } | null = null;

  const wake = () => {
    for (const w of [...waiters]) w();
  };

  async function getUpdates(params: Record<string, any>, req: http.IncomingMessage) {
    const offset = Number(params.offset ?? 0);
    // Confirming an offset forgets earlier updates, as Telegram does.
    while (updates.length && updates[0]!.update_id < offset) updates.shift();
    const timeoutMs = Math.min(Number(params.timeout ?? 0), 50) * 1000;
    if (!updates.length && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        waiters.add(done);
        req.on('close', done);
      });
    }
    return updates.slice(0, Number(params.limit ?? 100));
  }

  function message(chatId: number | string, extra: Record<string, any>) {
    return {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: Number(chatId), type: 'private', first_name: 'Pelapor' },
      from: { id: 1, is_bot: true, first_name: 'Lapor Anak', username: botUsername },
      ...extra,
    };
  }

  const methods: Record<string, (p: Record<string, any>, req: http.IncomingMessage) => unknown> = {
    getMe: () => ({ id: 1, is_bot: true, first_name: 'Lapor Anak', username: botUsername, can_join_groups: false }),
    getUpdates,
    sendMessage: (p) => message(p.chat_id, { text: p.text, reply_markup: p.reply_markup }),
    sendChatAction: () => true,
    answerCallbackQuery: () => true,
    editMessageReplyMarkup: (p) => message(p.chat_id, { reply_markup: p.reply_markup }),
    editMessageText: (p) => message(p.chat_id, { text: p.text, reply_markup: p.reply_markup }),
    deleteMessage: () => true,
    setWebhook: (p) => {
      webhook = { url: String(p.url), secretToken: p.secret_token, deliveries: [], errors: [] };
      return true;
    },
    deleteWebhook: () => {
      webhook = null;
      return true;
    },
    getWebhookInfo: () => ({ url: webhook?.url ?? '', has_custom_certificate: false, pending_update_count: updates.length }),
    setMyCommands: () => true,
    getFile: (p) => {
      const file = files.get(String(p.file_id));
      if (!file) throw Object.assign(new Error('Bad Request: invalid file_id'), { code: 400 });
      return { file_id: p.file_id, file_unique_id: `u${p.file_id}`, file_size: file.bytes.length, file_path: file.path };
    },
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };

    const fileMatch = url.pathname.match(/^\/file\/bot([^/]+)\/(.+)$/);
    if (fileMatch) {
      const file = [...files.values()].find((f) => f.path === fileMatch[2]);
      if (fileMatch[1] !== token || !file) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
      const answer = () => {
        if (res.writableEnded || res.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(file.bytes);
      };
      if (!downloadsStalled) return answer();
      stalledDownloads.push(answer);
      return;
    }

    const match = url.pathname.match(/^\/bot([^/]+)\/([A-Za-z]+)$/);
    if (!match || match[1] !== token) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2]!;
    const params = { ...Object.fromEntries(url.searchParams), ...(await readBody(req)) };
    const call = { method, params, at: Date.now() };
    recorded.push(call);
    for (const listener of listeners) listener(call);

    const pending = failures.get(method) ?? [];
    const at = pending.findIndex((f) => f.chat_id === undefined || f.chat_id === String(params.chat_id));
    const failure = at >= 0 ? pending.splice(at, 1)[0] : undefined;
    if (failure) {
      return send(failure.error_code, {
        ok: false,
        error_code: failure.error_code,
        description: failure.error_code === 429 ? `Too Many Requests: retry after ${failure.retry_after}` : 'Error',
        parameters: failure.retry_after ? { retry_after: failure.retry_after } : undefined,
      });
    }
    if (method === 'getUpdates' && webhook) {
      return send(409, { ok: false, error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active" });
    }
    const handler = methods[method];
    if (!handler) return send(404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    try {
      send(200, { ok: true, result: await handler(params, req) });
    } catch (err) {
      const code = (err as { code?: number }).code ?? 400;
      send(code, { ok: false, error_code: code, description: (err as Error).message });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const user = (chatId: number, from?: Partial<TelegramUser>): TelegramUser => ({
    id: chatId, is_bot: false, first_name: 'Pelapor', language_code: 'id', ...from,
  });

  const fake: FakeTelegram = {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botUsername,
    onCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    calls: (method) => recorded.filter((c) => !method || c.method === method),
    messagesTo: (chatId) =>
      recorded.filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chatId)).map((c) => c.params),
    textsTo: (chatId) => fake.messagesTo(chatId).map((m) => String(m.text)),
    pushUpdate(update) {
      const update_id = nextUpdateId++;
      if (webhook) {
        // Webhook mode: Telegram POSTs the update with the secret token header instead of queueing it.
        const target = webhook;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (target.secretToken) headers['x-telegram-bot-api-secret-token'] = target.secretToken;
        void fetch(target.url, { method: 'POST', headers, body: JSON.stringify({ update_id, ...update }) })
          .then((r) => target.deliveries.push(r.status), (err: Error & { cause?: { code?: string } }) => {
            target.deliveries.push(0);
            target.errors.push(err.cause?.code ?? err.message);
          });
        return update_id;
      }
      updates.push({ update_id, ...update });
      wake();
      return update_id;
    },
    sendText(chatId, text, from) {
      const entities = text.startsWith('/')
        ? [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }]
        : undefined;
      return fake.pushUpdate({
        message: {
          message_id: nextMessageId++, date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: 'private', first_name: 'Pelapor' }, from: user(chatId, from), text, entities,
        },
      });
    },
    pressButton(chatId, data, messageId) {
      return fake.pushUpdate({
        callback_query: {
          id: String(nextUpdateId * 7919), from: user(chatId), chat_instance: String(chatId), data,
          message: { message_id: messageId ?? nextMessageId++, date: Math.floor(Date.now() / 1000),
            chat: { id: chatId, type: 'private' }, text: '…' },
        },
      });
    },
    sendPhoto(chatId, bytes, caption) {
      const fileId = fake.addFile(bytes, `photos/file_${nextFileId}.jpg`);
      return fake.pushUpdate({
        message: {
          message_id: nextMessageId++, date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: 'private' }, from: user(chatId), caption,
          photo: [{ file_id: fileId, file_unique_id: `u${fileId}`, width: 640, height: 480, file_size: bytes.length }],
        },
      });
    },
    sendVoice(chatId, bytes) {
      const fileId = fake.addFile(bytes, `voice/file_${nextFileId}.oga`);
      return fake.pushUpdate({
        message: {
          message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, from: user(chatId),
          voice: { file_id: fileId, file_unique_id: `u${fileId}`, duration: 3, mime_type: 'audio/ogg', file_size: bytes.length },
        },
      });
    },
    sendDocument(chatId, bytes, mimeType, fileName) {
      const fileId = fake.addFile(bytes, `documents/file_${nextFileId}`);
      return fake.pushUpdate({
        message: {
          message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, from: user(chatId),
          document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: fileName, mime_type: mimeType, file_size: bytes.length },
        },
      });
    },
    sendSticker(chatId) {
      return fake.pushUpdate({
        message: {
          message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, from: user(chatId),
          sticker: { file_id: 'sticker-1', file_unique_id: 'us1', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false, emoji: '😀' },
        },
      });
    },
    webhook: () => webhook,
    stallDownloads(on) {
      downloadsStalled = on;
      if (on) return;
      const waiting = stalledDownloads;
      stalledDownloads = [];
      for (const answer of waiting) answer();
    },
    addFile(bytes, filePath) {
      const fileId = `file-${nextFileId++}`;
      files.set(fileId, { bytes, path: filePath ?? `documents/${fileId}` });
      return fileId;
    },
    failNext(method, errorCode, retryAfter, chatId) {
      const list = failures.get(method) ?? [];
      list.push({ error_code: errorCode, retry_after: retryAfter, chat_id: chatId === undefined ? undefined : String(chatId) });
      failures.set(method, list);
    },
    async close() {
      wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

async function readBody(req: http.IncomingMessage): Promise<Record<string, any>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return JSON.parse(raw);
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  if (type.includes('multipart/form-data')) return parseMultipartFields(raw, type);
  return {};
}

// Enough of multipart for the text fields telegraf sends alongside uploads.
function parseMultipartFields(raw: string, type: string): Record<string, any> {
  const boundary = type.split('boundary=')[1];
  if (!boundary) return {};
  const fields: Record<string, any> = {};
  for (const part of raw.split(`--${boundary}`)) {
    const name = part.match(/name="([^"]+)"/)?.[1];
    const value = part.split('\r\n\r\n')[1];
    if (name && value !== undefined && !/filename="/.test(part)) fields[name] = value.replace(/\r\n$/, '');
  }
  return fields;
}
