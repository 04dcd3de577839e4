import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createBotsApp } from '../../../bots/create-bots-app';
import { createGraphApi } from '../../../bots/whatsapp-cloud/graph-api';
import { sendToReporter } from '../../../bots/whatsapp-cloud/send-reply';
import { cloudWebhookRoutes } from '../../../bots/whatsapp-cloud/webhook-routes';
import { canReachReporter } from '../../../src/channels/customer-service-window';
import { ReportModel } from '../../../src/db/models/report.model';
import { ticketIn } from '../../factories/intake-script';
import { cloudText, startFakeGraphApi, type FakeGraphApi } from '../../fakes/whatsapp-graph-api';
import { useTestDatabase } from '../../support/database';
import { expectEventually } from '../../support/expect-eventually';
import { createIntakeHarness } from '../../support/intake';

// The Cloud API webhook over real HTTP, on the real engine, Redis and FerretDB, sending through a fake Graph API.
useTestDatabase('wacloud');
const harness = createIntakeHarness('wacloud');
const APP_SECRET = 'app-secret-for-tests-0123456789';
const VERIFY_TOKEN = 'verify-token-for-tests-0123';
const PATH = '/whatsapp-cloud/webhook';
let graph: FakeGraphApi;
let server: http.Server;
let url: string;
const logLines: string[] = [];

beforeAll(async () => {
  await ReportModel.init();
  graph = await startFakeGraphApi();
  const api = createGraphApi({ graphRoot: graph.root, accessToken: graph.accessToken, phoneNumberId: graph.phoneNumberId, maxBytes: 1024 * 1024 });
  const { app, channels } = createBotsApp();
  channels.use(cloudWebhookRoutes({
    path: PATH, verifyToken: VERIFY_TOKEN, appSecret: APP_SECRET, handle: harness.newHandler(), graph: api,
    redis: harness.redis, prefix: harness.prefix, hasher: harness.hasher,
    logger: pino({ level: 'info' }, { write: (l: string) => void logLines.push(l) }),
  }).router);
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PATH}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await graph.close();
  await harness.close();
});

let wamid = 1;
const envelope = (from: string, message: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: '1029384756', changes: [{ field: 'messages', value: {
    messaging_product: 'whatsapp', metadata: { display_phone_number: '6281100000000', phone_number_id: '109876543210' },
    contacts: [{ profile: { name: 'Pelapor' }, wa_id: from }],
    messages: [{ from, id: `wamid.in${wamid++}`, timestamp: String(Math.floor(Date.now() / 1000)), ...message }],
  } }] }],
});
const sign = (raw: string, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
const post = (raw: string, signature?: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) }, body: raw });
const deliver = async (body: unknown) => {
  const raw = JSON.stringify(body);
  const res = await post(raw, sign(raw));
  expect(res.status).toBe(200);
};

function reporter(waId: string) {
  let seen = 0;
  const waitFor = (expected: RegExp) =>
    expectEventually(() => {
      const fresh = graph.sentTo(waId).slice(seen);
      const at = fresh.findIndex((m) => expected.test(cloudText(m)));
      if (at < 0) throw new Error(`no message matching ${expected} in ${JSON.stringify(fresh.map(cloudText))}`);
      seen += at + 1;
      return fresh.slice(0, at + 1);
    });
  return {
    waitFor,
    say: async (text: string, expected: RegExp) => {
      await deliver(envelope(waId, { type: 'text', text: { body: text } }));
      return waitFor(expected);
    },
    press: async (id: string, title: string, expected: RegExp, kind: 'button_reply' | 'list_reply' = 'button_reply') => {
      await deliver(envelope(waId, { type: 'interactive', interactive: { type: kind, [kind]: { id, title } } }));
      return waitFor(expected);
    },
  };
}

describe('WhatsApp Cloud API webhook', () => {
  it('answers the subscription handshake only with the verify token', async () => {
    const ok = await fetch(`${url}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    expect((await fetch(`${url}?hub.mode=subscribe&hub.verify_token=wrong-token-0000000000&hub.challenge=1`)).status).toBe(403);
    expect((await fetch(`${url}?hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`)).status).toBe(403);
    expect((await fetch(url)).status).toBe(403);
  });

  it('refuses unsigned, badly signed and tampered calls with 401 and processes nothing of them', async () => {
    const waId = '6281300000001';
    const raw = JSON.stringify(envelope(waId, { type: 'text', text: { body: 'halo' } }));
    expect((await post(raw)).status).toBe(401);
    expect((await post(raw, 'sha256=')).status).toBe(401);
    expect((await post(raw, 'sha256=zz-not-hex')).status).toBe(401);
    expect((await post(raw, sign(raw, 'another-app-secret-000000'))).status).toBe(401);
    expect((await post(raw.replace('halo', 'hola'), sign(raw))).status).toBe(401);
    expect((await post(raw, sign(raw).replace('sha256=', 'sha1='))).status).toBe(401);
    // A correctly signed call after them is answered: had the others got through, there would be more replies.
    await reporter(waId).say('halo', /RAHASIA/);
    expect(graph.sentTo(waId)).toHaveLength(1);
    expect(await canReachReporter(harness.redis, harness.prefix, harness.hasher(`whatsapp_cloud:${waId}`))).toMatchObject({ freeForm: true });
  });

  it('answers malformed signed bodies calmly: 400 for non-JSON, 200 and ignored for shapes it does not know', async () => {
    const bad = '{"object": "whatsapp_business_account", "entry": [';
    expect((await post(bad, sign(bad))).status).toBe(400);
    for (const body of ['{}', '[]', '"x"', '{"object":"page","entry":[{"changes":[{"field":"feed","value":{}}]}]}',
      JSON.stringify({ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: { statuses: [{ id: 'wamid.x', status: 'read' }] } }] }] }),
      JSON.stringify({ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: { messages: [{ nonsense: true }, { from: 5 }] } }] }] })]) {
      expect((await post(body, sign(body))).status).toBe(200);
    }
    expect(logLines.join('')).not.toContain('nonsense');
  });

  it('takes a full report: buttons and list replies, a photo through the Graph API, a shared location, and the ticket', async () => {
    const waId = '6281300000002';
    const chat = reporter(waId);
    const [greeting] = await chat.say('halo', /RAHASIA/);
    expect(greeting).toMatchObject({ to: waId, type: 'interactive', interactive: { type: 'button' } });
    expect(greeting!.interactive.action.buttons.map((b: any) => b.reply.id)).toEqual(['consent:yes', 'consent:no']);
    await chat.press('consent:yes', 'Ya', /bahaya SAAT INI/);
    await chat.press('danger:no', 'Tidak', /Siapa Anda/);
    const [roles] = graph.sentTo(waId).slice(-1);
    expect(roles).toMatchObject({ interactive: { type: 'list' } });
    await chat.press('reporter_role:relative', '3. Keluarga / kerabat', /Ceritakan/, 'list_reply');
    const photo = Buffer.from('\xff\xd8\xff\xe0 cloud photo', 'latin1');
    const mediaId = graph.addMedia(photo, 'image/jpeg');
    // A one-word caption is no story: the file is kept and the story asked for.
    await deliver(envelope(waId, { type: 'image', image: { id: mediaId, mime_type: 'image/jpeg', sha256: 'x', caption: 'rumahnya' } }));
    await chat.waitFor(/Berkas diterima \(1\)/);
    expect(graph.mediaRequests()).toEqual([mediaId]);
    await chat.say('Anak-anak ditinggal sendiri di rumah tanpa makan sejak kemarin', /umur/);
    for (const [text, next] of [['3 tahun', /Jenis/], ['perempuan', /Siapa yang/], ['keluarga lain', /kecamatan/], ['Teramang Jaya', /berlangsung/],
      ['ya', /menghubungi/], ['lewat chat ini', /Periksa ringkasan/], ['tambah detail', /Nama anak/], ['lewati', /Desa/], ['lewati', /lokasi/]] as const) {
      await chat.say(text, next);
    }
    // The story said when ("sejak kemarin"): after the location, the summary again.
    await deliver(envelope(waId, { type: 'location', location: { latitude: -2.6, longitude: 101.2, name: 'x' } }));
    expect((await chat.waitFor(/Periksa ringkasan/)).map(cloudText).join('\n')).toMatch(/Waktu: sejak kemarin/);
    const [done] = await chat.say('kirim laporan', /nomor tiket/);
    const report = await ReportModel.findOne({ ticket: ticketIn(cloudText(done!)) }).lean();
    expect(report).toMatchObject({ channel: 'whatsapp_cloud', reporterRole: 'relative', category: 'penelantaran', child: { age: 3 } });
    expect(report!.media).toHaveLength(1);
    expect(report!.reporterHash).toBe(harness.hasher(`whatsapp_cloud:${waId}`));
  });

  it('a reply the Graph API refuses for a moment (503, 429) still reaches the reporter, once', async () => {
    const waId = '6281300000009';
    graph.failNextSends(2, 503);
    await deliver(envelope(waId, { type: 'text', text: { body: 'halo' } }));
    await reporter(waId).waitFor(/RAHASIA/);
    graph.failNextSends(1, 429);
    await reporter(waId).say('ya', /bahaya/);
    expect(graph.sentTo(waId).filter((m) => /RAHASIA/.test(cloudText(m)))).toHaveLength(1);
  });

  it('answers a message Meta delivers twice only once', async () => {
    const waId = '6281300000003';
    const body = envelope(waId, { type: 'text', text: { body: 'halo' } });
    await deliver(body);
    await deliver(body);
    await reporter(waId).say('ya', /bahaya/);
    expect(graph.sentTo(waId).filter((m) => /RAHASIA/.test(cloudText(m)))).toHaveLength(1);
  });

  it('knows the 24-hour window: free-form inside it, only the approved template after it', async () => {
    const waId = '6281300000004';
    const hash = harness.hasher(`whatsapp_cloud:${waId}`);
    expect(await canReachReporter(harness.redis, harness.prefix, hash)).toEqual({ freeForm: false });
    await reporter(waId).say('halo', /RAHASIA/);
    const inside = await canReachReporter(harness.redis, harness.prefix, hash);
    expect(inside.freeForm).toBe(true);
    expect(inside.until!.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect(await canReachReporter(harness.redis, harness.prefix, hash, new Date(Date.now() + 25 * 3600_000))).toEqual({ freeForm: false });

    const api = createGraphApi({ graphRoot: graph.root, accessToken: graph.accessToken, phoneNumberId: graph.phoneNumberId, maxBytes: 1024 });
    const deps = { graph: api, redis: harness.redis, prefix: harness.prefix, hasher: harness.hasher, template: { name: 'lapor_anak_tindak_lanjut', language: 'id' } };
    expect(await sendToReporter(deps, waId, [{ text: 'Petugas: kami sudah menghubungi sekolah.' }])).toBe('free_form');
    expect(graph.sentTo(waId).at(-1)).toMatchObject({ type: 'text', text: { body: 'Petugas: kami sudah menghubungi sekolah.' } });
    const stranger = '6281300000099';
    expect(await sendToReporter(deps, stranger, [{ text: 'Petugas: mohon hubungi kami.' }])).toBe('template');
    expect(graph.sentTo(stranger)).toEqual([
      expect.objectContaining({ type: 'template', template: { name: 'lapor_anak_tindak_lanjut', language: { code: 'id' } } }),
    ]);
  });
});
