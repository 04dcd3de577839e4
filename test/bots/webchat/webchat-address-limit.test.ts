import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { createBotsApp } from '../../../bots/create-bots-app';
import type { LiveChats } from '../../../bots/webchat/live-chats';
import { webchatRoutes, type WebchatDeps } from '../../../bots/webchat/webchat-routes';
import { loadConfig } from '../../../src/config';
import type { TrustProxy } from '../../../src/trust-proxy';
import { TEST_REDIS_URL, uniquePrefix } from '../../support/redis';

// The web chat's per-address limit over real HTTP: it counts NEW sessions only. The address is the connection's
// unless TRUST_PROXY names the proxy in front, so a client cannot reset its own limit with a forged X-Forwarded-For.
// Within a session nothing is refused: over the per-session rate a message is answered after a pause.
const PER_MINUTE = 3;
type Handle = WebchatDeps['handle'];
const echo: Handle = async () => [{ text: 'ok' }];
const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 3 });
const servers: http.Server[] = [];
const prefixes: string[] = [];

async function startChat(trustProxy: TrustProxy, handle: Handle = echo, notices?: WebchatDeps['notices'], live = {} as LiveChats): Promise<string> {
  const prefix = uniquePrefix('webchat-ip');
  prefixes.push(prefix);
  const { app, channels } = createBotsApp(trustProxy);
  channels.use(webchatRoutes({
    handle, redis, prefix, hasher: (v) => `h(${v})`, unitName: 'Unit', exitUrl: 'https://example.org/', emergency: [], notices,
    limits: { messagesPerMinute: PER_MINUTE, newSessionsPerAddress: PER_MINUTE, newSessionsWindowSeconds: 600 },
    // What this test does not reach: files and (unless given) the live channel of staff replies.
    maxTextLength: 4000, media: { allowedTypes: ['image/jpeg'], maxBytes: 1024 },
    live, waitingReplies: async () => [], markShown: async () => undefined,
  }));
  const server = http.createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const send = (base: string, forwardedFor: string) =>
  fetch(`${base}/chat/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ sessionId: crypto.randomUUID(), text: 'halo' }),
  });

afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  }
  await redis.quit();
});

describe('the web chat per-address limit', () => {
  it('trusts nobody by default: a forged X-Forwarded-For changes no limit', async () => {
    expect(loadConfig({ ...process.env, TRUST_PROXY: '' }).trustProxy).toBe(false);
    const base = await startChat(loadConfig({ ...process.env, TRUST_PROXY: '' }).trustProxy);
    const statuses: number[] = [];
    for (let i = 0; i < PER_MINUTE + 2; i++) statuses.push((await send(base, `203.0.113.${i + 1}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('with TRUST_PROXY naming the proxy, each forwarded client has a budget of its own', async () => {
    const base = await startChat(loadConfig({ ...process.env, TRUST_PROXY: '127.0.0.1' }).trustProxy);
    for (let i = 0; i < PER_MINUTE; i++) expect((await send(base, '198.51.100.7')).status).toBe(200);
    expect((await send(base, '198.51.100.7')).status).toBe(429);
    expect((await send(base, '198.51.100.8')).status).toBe(200);
  });

  it('answers web chat JSON with Cache-Control: no-store', async () => {
    const base = await startChat(false);
    const res = await send(base, '');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('live staff replies (the event stream) behind a shared address', () => {
  /** Opens a page's event stream and lets it go at once: its status is all this asks. */
  const connect = async (base: string, sessionId: string) => {
    const stop = new AbortController();
    const res = await fetch(`${base}/chat/api/events?sessionId=${sessionId}`, { signal: stop.signal });
    stop.abort();
    return res.status;
  };
  const live = { open: async () => async () => undefined } as unknown as LiveChats;

  it('a reporter whose conversation is under way gets them, however many pages the address opened', async () => {
    const base = await startChat(false, echo, undefined, live);
    const reporter = crypto.randomUUID();
    await fetch(`${base}/chat/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: reporter, text: 'halo' }) });
    // Someone else behind the same address (a carrier's, a school's) opens pages as fast as they like.
    const flood = [];
    for (let i = 0; i < PER_MINUTE + 3; i++) flood.push(await connect(base, crypto.randomUUID()));
    expect(flood).toEqual([...Array(PER_MINUTE).fill(200), ...Array(3).fill(429)]);
    // The reporter's page (reloaded too) still gets its stream; its own reconnects are what is counted.
    const mine = [];
    for (let i = 0; i < PER_MINUTE + 1; i++) mine.push(await connect(base, reporter));
    expect(mine).toEqual([...Array(PER_MINUTE).fill(200), 429]);
  });
});

describe('files from one address, read at once', () => {
  it('three at a time: the next is refused at once and calmly, before its body is read; text still goes through', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    // The engine takes its time with files (a slow store), so the uploads stay in flight together.
    const handle: Handle = async (m) => { if (m.kind === 'media') await held; return [{ text: 'ok' }]; };
    const base = await startChat(false, handle);
    const sessionId = crypto.randomUUID();
    const upload = () => fetch(`${base}/chat/api/upload`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId, mimeType: 'image/jpeg', data: Buffer.alloc(512, 1).toString('base64') }),
    }).then(async (res) => ({ status: res.status, texts: ((await res.json()) as { replies: { text: string }[] }).replies.map((r) => r.text) }));
    const first = [upload(), upload(), upload()];
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fourth = await upload();
    expect(fourth.status).toBe(429);
    expect(fourth.texts).toEqual([expect.stringMatching(/^Berkas belum terkirim: .* Mohon kirim lagi sebentar lagi/)]);
    const text = await fetch(`${base}/chat/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, text: 'halo' }) });
    expect(text.status).toBe(200);
    release();
    expect((await Promise.all(first)).map((a) => a.status)).toEqual([200, 200, 200]);
    // Their places are given back once answered.
    expect((await upload()).status).toBe(200);
  });
});

describe('the web chat per-session rate', () => {
  const inSession = (base: string, sessionId: string, body: Record<string, string>) =>
    fetch(`${base}/chat/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, ...body }) })
      .then(async (res) => ({ status: res.status, replies: ((await res.json()) as { replies: { text: string }[] }).replies, at: Date.now() }));

  it('answers a fast burst in one session after a short pause, never drops it', async () => {
    const base = await startChat(false);
    const sessionId = crypto.randomUUID();
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: PER_MINUTE + 3 }, () => inSession(base, sessionId, { text: 'halo' })));
    expect(answers.map((a) => a.status)).toEqual(Array(PER_MINUTE + 3).fill(200));
    for (const a of answers) expect(a.replies.map((r) => r.text)).toEqual(['ok']);
    // The three over the rate waited 1, 2 and 3 seconds.
    expect(Math.max(...answers.map((a) => a.at)) - started).toBeGreaterThanOrEqual(2_900);
  });

  it('never slows the answer to the danger question, nor anything once danger was heard', async () => {
    const handle: Handle = async (m) => m.choice === 'danger:yes'
      ? [{ text: 'SEGERA hubungi 112', urgent: true }, { text: 'Siapa Anda?' }]
      : [{ text: 'Bahaya saat ini?', options: [{ label: 'Ya', value: 'danger:yes' }] }];
    const base = await startChat(false, handle);
    const sessionId = crypto.randomUUID();
    for (let i = 0; i < PER_MINUTE; i++) await inSession(base, sessionId, { text: 'halo' });
    const before = Date.now();
    const danger = await inSession(base, sessionId, { choice: 'danger:yes' });
    expect(danger.at - before).toBeLessThan(900);
    expect(danger.status).toBe(200);
    const after = Date.now();
    const urgent = await Promise.all(Array.from({ length: 4 }, () => inSession(base, sessionId, { text: 'tolong' })));
    expect(Math.max(...urgent.map((a) => a.at)) - after).toBeLessThan(900);
  });

  it('a typed answer to the danger question is not slowed either', async () => {
    const handle: Handle = async () => [{ text: 'Bahaya saat ini?', options: [{ label: 'Ya', value: 'danger:yes' }] }];
    const base = await startChat(false, handle);
    const sessionId = crypto.randomUUID();
    for (let i = 0; i < PER_MINUTE; i++) await inSession(base, sessionId, { text: 'halo' });
    const before = Date.now();
    await inSession(base, sessionId, { text: 'ya' });
    expect(Date.now() - before).toBeLessThan(900);
  });
});

describe('web chat notices from the worker', () => {
  it('are shown when the page looks for them, or with the next answer, once', async () => {
    const waiting = new Map<string, string[]>();
    const notices = {
      add: async (chatHash: string, text: string) => void waiting.set(chatHash, [...(waiting.get(chatHash) ?? []), text]),
      takeAll: async (chatHash: string) => { const texts = waiting.get(chatHash) ?? []; waiting.delete(chatHash); return texts; },
    };
    const base = await startChat(false, echo, notices);
    const sessionId = crypto.randomUUID();
    const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(async (res) => ((await res.json()) as { replies: { text: string }[] }).replies.map((r) => r.text));
    await notices.add(`h(webchat:${sessionId})`, 'Petugas piket sudah menerima pemberitahuan darurat');
    expect(await post('/chat/api/notices', { sessionId })).toEqual(['Petugas piket sudah menerima pemberitahuan darurat']);
    expect(await post('/chat/api/notices', { sessionId })).toEqual([]);
    await notices.add(`h(webchat:${sessionId})`, 'Petugas piket sudah menerima pemberitahuan darurat');
    expect(await post('/chat/api/messages', { sessionId, text: 'halo' })).toEqual(['Petugas piket sudah menerima pemberitahuan darurat', 'ok']);
    expect((await fetch(`${base}/chat/api/notices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(400);
  });
});

describe('TRUST_PROXY', () => {
  const parse = (value: string) => loadConfig({ ...process.env, TRUST_PROXY: value }).trustProxy;

  it('accepts what express accepts: a hop count, or addresses and subnets', () => {
    expect(parse('1')).toBe(1);
    expect(parse('0')).toBe(false);
    expect(parse('10.0.0.1, 10.1.0.0/16, 192.168.0.0/255.255.0.0, ::1, fd00::/8, loopback')).toEqual([
      '10.0.0.1', '10.1.0.0/16', '192.168.0.0/255.255.0.0', '::1', 'fd00::/8', 'loopback',
    ]);
  });

  it('refuses anything else, trusting everybody included', () => {
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example.org', '1.2.3']) {
      expect(() => parse(bad)).toThrow(/TRUST_PROXY: expected a hop count/);
    }
  });
});
