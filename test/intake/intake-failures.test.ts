import mongoose from 'mongoose';
import { connectMongo } from '../../src/db/connect';
import { ReportModel } from '../../src/db/models/report.model';
import { createQueues } from '../../src/queue/queues';
import { createRedis } from '../../src/redis';
import { textFrom } from '../factories/inbound-message';
import { joined, sayAll, TO_CONFIRM_SAME_CHAT, ticketIn } from '../factories/intake-script';
import { useTestDatabase } from '../support/database';
import { createIntakeHarness } from '../support/intake';
import { expectEventually } from '../support/expect-eventually';
import { startOwnRedis } from '../support/own-redis';

const db = useTestDatabase('intakefail');
const harness = createIntakeHarness('intakefail');
afterAll(() => harness.close());
beforeAll(() => ReportModel.init());

let seq = 0;
const newChat = () => `66${Date.now() % 100000}${++seq}`;
const chatHash = (chat: string) => harness.hasher(`telegram:${chat}`);

describe('when the database or the queue is down', () => {
  it('a failed write tells the reporter to try again, keeps the draft, and a later confirm stores it', async () => {
    const handle = harness.newHandler();
    const chat = newChat();
    await sayAll(handle, chat, TO_CONFIRM_SAME_CHAT);

    await mongoose.disconnect();
    mongoose.set('bufferTimeoutMS', 300);
    try {
      expect(joined(await handle(textFrom(chat, '1')))).toMatch(/belum berhasil disimpan[\s\S]*coba kirim lagi/);
    } finally {
      mongoose.set('bufferTimeoutMS', 10_000);
      await connectMongo(db.uri);
    }
    expect((await handle.drafts.load(chatHash(chat)))?.draft.step).toBe('confirm');
    expect(await ReportModel.countDocuments({ reporterHash: chatHash(chat) })).toBe(0);

    const ticket = ticketIn(joined(await handle(textFrom(chat, '1'))));
    expect(await ReportModel.countDocuments({ ticket, reporterHash: chatHash(chat) })).toBe(1);
    expect(await handle.drafts.load(chatHash(chat))).toBeNull();
  });

  it('a queue that cannot be reached still gives the ticket (the report is stored; the sweeper queues it later)', async () => {
    const ownRedis = await startOwnRedis();
    const connection = createRedis(ownRedis.url, { forBullWorker: true });
    connection.on('error', () => undefined);
    const queues = createQueues(connection, harness.prefix, ['reports', 'alerts']);
    for (const q of Object.values(queues)) q?.on('error', () => undefined);
    const handle = harness.newHandler({ queues });
    const chat = newChat();
    let running = true;
    try {
      await sayAll(handle, chat, ['halo', 'ya']);
      await ownRedis.stop();
      running = false;
      // Urgent: the emergency numbers come first even though the alert cannot be queued.
      const urgent = await handle(textFrom(chat, 'ya'));
      expect(urgent[0]).toMatchObject({ urgent: true });
      const replies = await sayAll(handle, chat, [...TO_CONFIRM_SAME_CHAT.slice(3), '1']);
      const ticket = ticketIn(replies.at(-1)!);
      expect(ticket).toBeDefined();
      expect(await ReportModel.findOne({ ticket }).lean()).toMatchObject({ status: 'received', immediateDanger: 'yes' });
    } finally {
      // Bring Redis back so the queues can close cleanly, then stop it for good.
      if (!running) await ownRedis.start();
      await expectEventually(() => expect(connection.status).toBe('ready'));
      for (const q of Object.values(queues)) await q?.close();
      connection.disconnect();
      await ownRedis.stop();
    }
  });

  it('with Redis itself gone, the reporter gets a calm answer, not silence or a crash', async () => {
    const ownRedis = await startOwnRedis();
    const redis = createRedis(ownRedis.url);
    redis.on('error', () => undefined);
    const handle = harness.newHandler({ redis });
    const chat = newChat();
    try {
      expect(joined(await handle(textFrom(chat, 'halo')))).toMatch(/RAHASIA/);
      await ownRedis.stop();
      expect(joined(await handle(textFrom(chat, 'ya')))).toMatch(/ada gangguan[\s\S]*something went wrong/);
    } finally {
      redis.disconnect();
    }
  });
});

describe('abuse limits', () => {
  it('never limits the answer to the danger question, nor anything once danger was heard', async () => {
    const limited = createIntakeHarness('intakedanger', { INTAKE_MESSAGES_PER_MINUTE: '2' });
    try {
      const handle = limited.newHandler();
      const chat = newChat();
      const replies = await sayAll(handle, chat, ['halo', 'ya', 'ya', '4', 'Anak tetangga dikurung ayahnya di gudang sekarang']);
      expect(replies[1]).toMatch(/bahaya SAAT INI/);
      expect(replies[2]).toMatch(/112/);
      expect(replies[3]).toMatch(/Ceritakan/);
      expect(replies[4]).toMatch(/kami catat|umur/);
      expect(replies.join('\n')).not.toMatch(/terlalu cepat/);
    } finally {
      await limited.close();
    }
  });


  it('over the message rate: one calm message, then the flood is dropped; the draft is untouched', async () => {
    const limited = createIntakeHarness('intakerate', { INTAKE_MESSAGES_PER_MINUTE: '5' });
    try {
      const handle = limited.newHandler();
      const chat = newChat();
      const replies = await sayAll(handle, chat, ['halo', 'ya', 'tidak', '4', 'ceritanya panjang, nanti saya jelaskan', '1', '2', '3']);
      expect(replies[4]).toMatch(/Apa yang terjadi/);
      expect(replies[5]).toMatch(/terlalu cepat/);
      expect(replies[6]).toBe('');
      expect((await handle.drafts.load(limited.hasher(`telegram:${chat}`)))?.draft.step).toBe('category');
    } finally {
      await limited.close();
    }
  });

  it('over the reports per day: a calm message, the draft is kept', async () => {
    const limited = createIntakeHarness('intakedaily', { INTAKE_REPORTS_PER_DAY: '1' });
    try {
      const handle = limited.newHandler();
      const chat = newChat();
      expect(ticketIn((await sayAll(handle, chat, [...TO_CONFIRM_SAME_CHAT, '1'])).at(-1)!)).toBeDefined();
      // A second report from the same chat is asked for on purpose: other messages after filing join the first.
      const second = await sayAll(handle, chat, ['laporan baru', ...TO_CONFIRM_SAME_CHAT.slice(1), '1']);
      expect(second.at(-1)).toMatch(/sudah mengirim 1 laporan hari ini/);
      expect((await handle.drafts.load(limited.hasher(`telegram:${chat}`)))?.draft.step).toBe('confirm');
      expect(await ReportModel.countDocuments({ reporterHash: limited.hasher(`telegram:${chat}`) })).toBe(1);
    } finally {
      await limited.close();
    }
  });
});

describe('draft expiry and reminder', () => {
  it('stores the draft with the configured TTL and finds it for a reminder once, in the reporter\'s language', async () => {
    const timed = createIntakeHarness('intakeremind', { DRAFT_TTL_MINUTES: '120', DRAFT_REMINDER_BEFORE_MINUTES: '30' });
    try {
      const start = new Date();
      const handle = timed.newHandler({ now: () => start });
      const chat = newChat();
      await sayAll(handle, chat, ['halo', 'language', 'english', 'yes']);
      const key = `${timed.prefix}:intake:draft:${timed.hasher(`telegram:${chat}`)}`;
      const ttl = await timed.redis.pttl(key);
      expect(ttl).toBeGreaterThan(119 * 60_000);
      expect(ttl).toBeLessThanOrEqual(120 * 60_000);

      expect(await handle.drafts.findDraftsDueForReminder(new Date(start.getTime() + 89 * 60_000))).toEqual([]);
      const due = await handle.drafts.findDraftsDueForReminder(new Date(start.getTime() + 91 * 60_000));
      expect(due).toEqual([{ draftId: expect.any(String), channel: 'telegram', chatId: chat, message: { text: expect.stringMatching(/not finished[\s\S]*about 1 hours/) } }]);
      expect(await handle.drafts.findDraftsDueForReminder(new Date(start.getTime() + 100 * 60_000))).toEqual([]);
    } finally {
      await timed.close();
    }
  });
});
