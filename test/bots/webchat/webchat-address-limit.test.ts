import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { createBotsApp } from '../../../bots/create-bots-app';
import type { LiveChats } from '../../../bots/webchat/live-chats';
import { webchatRoutes } from '../../../bots/webchat/webchat-routes';
import { loadConfig } from '../../../src/config';
import type { TrustProxy } from '../../../src/trust-proxy';
import { TEST_REDIS_URL, uniquePrefix } from '../../support/redis';

// The web chat's per-address limit over real HTTP: the address is the connection's unless TRUST_PROXY names the
// proxy in front, so a client cannot reset its own limit by sending a forged X-Forwarded-For.
const PER_MINUTE = 3;
const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 3 });
const servers: http.Server[] = [];
const prefixes: string[] = [];

async function startChat(trustProxy: TrustProxy): Promise<string> {
  const prefix = uniquePrefix('webchat-ip');
  prefixes.push(prefix);
  const { app, channels } = createBotsApp(trustProxy);
  channels.use(webchatRoutes({
    handle: async () => [{ text: 'ok' }], redis, prefix, hasher: (v) => `h(${v})`,
    unitName: 'Unit', exitUrl: 'https://example.org/', messagesPerMinute: PER_MINUTE,
    // What this test does not reach: files and the live channel of staff replies.
    maxTextLength: 4000, media: { allowedTypes: ['image/jpeg'], maxBytes: 1024 },
    live: {} as LiveChats, waitingReplies: async () => [], markShown: async () => undefined,
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
