import type { Worker } from 'bullmq';
import pino from 'pino';
import { startWhatsappOutboundWorker } from '../../../bots/whatsapp/outbound-worker';
import { startWhatsapp, type RunningWhatsapp } from '../../../bots/whatsapp/start-whatsapp';
import { readWhatsappLoginQr } from '../../../src/channels/whatsapp-login-qr';
import { AlertModel } from '../../../src/db/models/alert.model';
import { ReportModel } from '../../../src/db/models/report.model';
import { createQueues, enqueue } from '../../../src/queue/queues';
import { createRedis } from '../../../src/redis';
import { Types } from 'mongoose';
import { BOUND, fieldOf } from '../../../src/crypto/encrypted-fields';
import { ticketIn } from '../../factories/intake-script';
import { FakeWhatsappClient } from '../../fakes/whatsapp-client';
import { useTestDatabase } from '../../support/database';
import { expectEventually } from '../../support/expect-eventually';
import { createIntakeHarness } from '../../support/intake';

// The whatsapp-web.js adapter with a fake Client, on the real engine, Redis, FerretDB and BullMQ outbound queue.
useTestDatabase('wweb');
const harness = createIntakeHarness('wweb');
const queueConnection = createRedis(harness.config.redis.url, { forBullWorker: true });
const queues = { ...harness.queues, ...createQueues(queueConnection, harness.prefix, ['whatsapp']) };
const logLines: string[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });

interface Session {
  client: FakeWhatsappClient;
  running: RunningWhatsapp;
  worker: Worker;
  qrs: string[];
}
const sessions: Session[] = [];

function startSession(): Session {
  const client = new FakeWhatsappClient();
  const qrs: string[] = [];
  const running = startWhatsapp({
    client, logger, redis: harness.redis, prefix: harness.prefix,
    handle: harness.newHandler(),
    outbox: { queues, redis: harness.redis, cipher: harness.cipher, hasher: harness.hasher, prefix: harness.prefix, perChatPerMinute: 6000 },
    reconnectDelayMs: () => 20,
    showQr: (qr) => qrs.push(qr),
  });
  const worker = startWhatsappOutboundWorker({
    client, isReady: running.isReady, cipher: harness.cipher, connection: queueConnection, prefix: harness.prefix, sendPerSecond: 100, logger,
  });
  const session = { client, running, worker, qrs };
  sessions.push(session);
  return session;
}
async function stopSession(s: Session): Promise<void> {
  await s.running.stop();
  await s.worker.close();
}

beforeAll(() => ReportModel.init());
afterAll(async () => {
  for (const s of sessions) await stopSession(s);
  await queues.whatsapp?.obliterate({ force: true }).catch(() => undefined);
  await queues.whatsapp?.close();
  queueConnection.disconnect();
  await harness.close();
});

/** A reporter in one WhatsApp chat: writes, and waits for the answer it expects among what the adapter sent. */
function reporter(s: () => Session, chatId: string) {
  let seen = 0;
  let client = s().client;
  const waitFor = (expected: RegExp) =>
    expectEventually(() => {
      // A restarted session is a new client: count what it sent from its start.
      if (s().client !== client) [client, seen] = [s().client, 0];
      const fresh = s().client.textsTo(chatId).slice(seen);
      const at = fresh.findIndex((t) => expected.test(t));
      if (at < 0) throw new Error(`no message matching ${expected} in ${JSON.stringify(fresh)}`);
      seen += at + 1;
      return fresh.slice(0, at + 1);
    });
  return {
    waitFor,
    say: (text: string, expected: RegExp) => {
      s().client.text(chatId, text);
      return waitFor(expected);
    },
  };
}

describe('WhatsApp (whatsapp-web.js) adapter', () => {
  let session: Session;
  beforeAll(() => {
    session = startSession();
  });

  it('shows the login QR in the terminal and keeps it for the admin panel until WhatsApp is ready', async () => {
    expect(session.client.initializeCalls).toBe(1);
    session.client.emit('qr', '2@fake-qr-payload,abc,def');
    expect(session.qrs).toEqual(['2@fake-qr-payload,abc,def']);
    await expectEventually(async () => expect(await readWhatsappLoginQr(harness.redis, harness.prefix)).toMatchObject({ qr: '2@fake-qr-payload,abc,def' }));
    session.client.emit('authenticated');
    session.client.emit('ready');
    await expectEventually(async () => expect(await readWhatsappLoginQr(harness.redis, harness.prefix)).toBeNull());
    expect(session.running.isReady()).toBe(true);
  });

  it('takes a full report with numbered text, a photo and a shared location, and answers with the ticket', async () => {
    const chatId = '6281200000001@c.us';
    const chat = reporter(() => session, chatId);
    const [greeting] = await chat.say('halo', /RAHASIA/);
    expect(greeting).toMatch(/\n1\. Ya\n2\. Tidak$/);
    for (const [text, next] of [['1', /bahaya SAAT INI/], ['2', /Siapa Anda/], ['4', /Ceritakan/]] as const) {
      await chat.say(text, next);
    }
    // A photo whose caption tells the story: kept, and the caption is the story.
    const photo = Buffer.from('\xff\xd8\xff\xe0 whatsapp photo bytes', 'latin1');
    session.client.receive(chatId, { type: 'image', body: 'lengannya memar dipukul ayahnya', media: { mimetype: 'image/jpeg', data: photo } });
    await chat.waitFor(/Berkas diterima \(1\)/);
    for (const [text, next] of [['6 tahun', /Jenis/], ['1', /kecamatan/], ['Ipuh', /tempat/], ['1', /berlangsung/], ['ya', /menghubungi/],
      ['1', /Periksa ringkasan/], ['4', /Nama anak/], ['lewati', /Desa/], ['lewati', /lokasi/]] as const) {
      await chat.say(text, next);
    }
    session.client.receive(chatId, { type: 'location', location: { latitude: '-2.58', longitude: '101.11' } });
    await chat.waitFor(/Kapan/);
    await chat.say('tadi pagi', /Periksa ringkasan/);
    const [done] = await chat.say('1', /nomor tiket/);
    const report = await ReportModel.findOne({ ticket: ticketIn(done!) }).lean();
    expect(report).toMatchObject({ channel: 'whatsapp', category: 'kekerasan_fisik', child: { age: 6 }, location: { kecamatan: 'Ipuh' } });
    expect(report!.media).toHaveLength(1);
    expect(JSON.stringify(report)).not.toContain('6281200000001');
    expect(harness.cipher.decrypt(report!.replyAddress!, fieldOf(BOUND.reports, report!._id, 'replyAddress'))).toBe(chatId);
  });

  it('sends the emergency contacts first, on their own, and queues the on-call alert', async () => {
    const chatId = '6281200000002@c.us';
    const chat = reporter(() => session, chatId);
    await chat.say('halo', /RAHASIA/);
    await chat.say('ya', /bahaya SAAT INI/);
    session.client.text(chatId, 'ya');
    const [first] = await chat.waitFor(/SEGERA hubungi/);
    expect(first).toMatch(/112/);
    expect(first).not.toMatch(/Siapa Anda/);
    await chat.waitFor(/Siapa Anda/);
    await expectEventually(async () => {
      const jobs = await harness.queues.alerts!.getJobs(['waiting', 'delayed', 'prioritized']);
      expect(jobs.map((j) => j.data)).toContainEqual(expect.objectContaining({ kind: 'urgent_draft', channel: 'whatsapp' }));
    });
  });

  it('ignores group chats, status broadcasts and its own messages: nothing answered, no draft', async () => {
    const before = session.client.sent.length;
    session.client.text('120363000000000001@g.us', 'halo');
    session.client.text('status@broadcast', 'halo');
    session.client.receive('6281200000003@c.us', { body: 'halo', fromMe: true });
    session.client.receive('6281200000004@c.us', { body: 'halo', isStatus: true });
    // A private message sent after them is answered: the earlier ones had their chance.
    await reporter(() => session, '6281200000005@lid').say('halo', /RAHASIA/);
    expect(session.client.sent.slice(before).map((m) => m.chatId)).toEqual(['6281200000005@lid']);
    for (const chat of ['120363000000000001@g.us', 'status@broadcast', '6281200000003@c.us', '6281200000004@c.us']) {
      expect(await harness.newHandler().drafts.load(harness.hasher(`whatsapp:${chat}`))).toBeNull();
    }
  });

  it('answers stickers and bursts calmly and in order', async () => {
    const chatId = '6281200000006@c.us';
    const chat = reporter(() => session, chatId);
    await chat.say('halo', /RAHASIA/);
    session.client.receive(chatId, { type: 'sticker', hasMedia: true });
    session.client.text(chatId, 'ya');
    session.client.text(chatId, 'tidak');
    session.client.text(chatId, '4');
    await chat.waitFor(/ketik|pilih|jawab/i);
    await chat.waitFor(/bahaya SAAT INI/);
    await chat.waitFor(/Siapa Anda/);
    await chat.waitFor(/Ceritakan/);
  });

  it('reconnects with backoff after `disconnected`, says why a login failed, and resumes a draft after a restart', async () => {
    const chatId = '6281200000007@c.us';
    let current = session;
    const chat = reporter(() => current, chatId);
    await chat.say('halo', /RAHASIA/);
    await chat.say('ya', /bahaya/);

    session.client.emit('disconnected', 'NAVIGATION');
    expect(session.running.isReady()).toBe(false);
    await expectEventually(() => expect(session.client.initializeCalls).toBe(2));
    expect(session.client.destroyCalls).toBeGreaterThanOrEqual(1);
    session.client.emit('auth_failure', 'session expired');
    expect(logLines.join('')).toMatch(/whatsapp login failed: the saved session is no longer valid/);

    // A new bots process: a new client and engine on the same Redis. The draft is still there.
    await stopSession(session);
    current = startSession();
    current.client.emit('ready');
    await chat.say('tidak', /Siapa Anda/);
    expect(logLines.join('')).not.toMatch(/6281200000007/);
  });

  it('delivers an on-call alert to a staff WhatsApp number once, however often its job is queued', async () => {
    // Every session still open shares the one outbound queue: whichever takes the job, it is sent once in all.
    for (const s of sessions) s.client.emit('ready');
    const _id = new Types.ObjectId();
    const alert = await AlertModel.create({
      _id, idempotencyKey: 'report-x-L0', subject: 'report-x', kind: 'report', level: 0, recipientRole: 'petugas_on_call',
      channel: 'whatsapp', address: harness.cipher.encrypt('0812-3456-7890', fieldOf(BOUND.alerts, _id, 'address')), text: 'P1 ADU-TEST-WA01: segera tindak lanjuti',
    });
    await enqueue(queues, 'whatsapp_alert', { alertId: alert.id });
    await enqueue(queues, 'whatsapp_alert', { alertId: alert.id });
    await expectEventually(async () => expect((await AlertModel.findById(alert._id).lean())?.status).toBe('sent'));
    expect(sessions.flatMap((s) => s.client.textsTo('6281234567890@c.us'))).toEqual(['P1 ADU-TEST-WA01: segera tindak lanjuti']);
  });
});
