import { ReportMessageModel } from '../../src/db/models/report-message.model';
import { ReportModel } from '../../src/db/models/report.model';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { locationFrom, photoFrom, textFrom } from '../factories/inbound-message';
import { joined, sayAll, TO_CONFIRM_SAME_CHAT, ticketIn } from '../factories/intake-script';
import { useTestDatabase } from '../support/database';
import { createIntakeHarness } from '../support/intake';

// What a reporter writes after filing (no draft open) joins the filed report; "laporan baru" starts another;
// "status ADU-…" answers one ticket without restarting the greeting. The decision is written in src/intake/after-filing.ts.

useTestDatabase('afterfiling');
const harness = createIntakeHarness('afterfiling');
afterAll(() => harness.close());
beforeAll(() => Promise.all([ReportModel.init(), ReportMessageModel.init()]));

let chatSeq = 0;
const newChat = () => `78${Date.now() % 100000}${++chatSeq}`;
const file = async (handle: ReturnType<typeof harness.newHandler>, chat: string) =>
  ticketIn((await sayAll(handle, chat, [...TO_CONFIRM_SAME_CHAT, '1'])).at(-1)!)!;
const jobsNamed = async (name: string) => (await harness.queues.alerts!.getJobs(['waiting', 'delayed', 'prioritized'])).filter((j) => j.name === name);

describe('a message after filing', () => {
  it('is stored encrypted on the report, acknowledged calmly, and queues the alert to whoever holds it', async () => {
    const handle = harness.newHandler();
    const chat = newChat();
    const ticket = await file(handle, chat);
    const report = await ReportModel.findOne({ ticket }).lean();

    const replies = await handle(textFrom(chat, 'Tadi malam ayahnya memukul Sari lagi'));
    expect(joined(replies)).toContain(`Pesan Anda sudah kami teruskan ke petugas yang menangani laporan ${ticket}`);
    expect(joined(replies)).not.toMatch(/RAHASIA/);
    expect(await harness.redis.exists(`${harness.prefix}:intake:draft:${harness.hasher(`telegram:${chat}`)}`)).toBe(0);

    const [stored] = await ReportMessageModel.find({ reportId: report!._id }).lean();
    expect(stored).toMatchObject({ direction: 'in', by: 'reporter', status: 'received' });
    expect(stored!.text).toMatch(/^enc:/);
    expect(harness.cipher.decrypt(stored!.text, fieldOf(BOUND.reportMessages, stored!._id, 'text'))).toBe('Tadi malam ayahnya memukul Sari lagi');
    const jobs = await jobsNamed('reporter_message');
    expect(jobs.map((j) => j.data)).toContainEqual({ reportId: String(report!._id), messageId: String(stored!._id) });
    expect((await ReportModel.findById(report!._id).lean())!.events.map((e) => e.type)).toContain('reporter_message');
  });

  it('keeps photos and shared locations too, the file encrypted in the media store', async () => {
    const handle = harness.newHandler();
    const chat = newChat();
    const ticket = await file(handle, chat);
    const report = await ReportModel.findOne({ ticket }).lean();
    const photo = Buffer.from('another photo of a bruise');
    expect(joined(await handle(photoFrom(chat, photo, 'memar baru')))).toContain(ticket);
    expect(joined(await handle(locationFrom(chat, -2.5, 101.1)))).toContain(ticket);
    const messages = await ReportMessageModel.find({ reportId: report!._id }).sort({ at: 1 }).lean();
    expect(messages).toHaveLength(2);
    expect(messages[0]!.media).toMatchObject({ kind: 'photo', mimeType: 'image/jpeg', size: photo.length });
    expect(await harness.mediaStore.get(messages[0]!.media!.storageKey)).toEqual(photo);
    expect(harness.cipher.decrypt(messages[0]!.text, fieldOf(BOUND.reportMessages, messages[0]!._id, 'text'))).toBe('memar baru');
    expect(harness.cipher.decrypt(messages[1]!.location!, fieldOf(BOUND.reportMessages, messages[1]!._id, 'location'))).toBe('-2.5,101.1');
  });

  it('"laporan baru" starts a new report on purpose; the engine\'s words keep their meaning', async () => {
    const handle = harness.newHandler();
    const chat = newChat();
    await file(handle, chat);
    expect(joined(await handle(textFrom(chat, 'bantuan')))).not.toMatch(/sudah kami teruskan/);
    expect(joined(await handle(textFrom(chat, 'Laporan baru')))).toMatch(/RAHASIA/);
    expect(joined(await handle(textFrom(chat, 'ya')))).toMatch(/bahaya SAAT INI/);
  });

  it('starts a new report once INTAKE_FOLLOW_UP_DAYS have passed (the marker expired), or when the report was rejected', async () => {
    const handle = harness.newHandler();
    const old = newChat();
    await file(handle, old);
    const marker = `${harness.prefix}:intake:filed:${harness.hasher(`telegram:${old}`)}`;
    const ttl = await harness.redis.ttl(marker);
    expect(ttl).toBeGreaterThan(30 * 86_400 - 60);
    expect(ttl).toBeLessThanOrEqual(30 * 86_400);
    expect(await harness.redis.get(marker)).not.toContain(old);
    await harness.redis.del(marker);
    expect(joined(await handle(textFrom(old, 'halo lagi')))).toMatch(/RAHASIA/);

    const rejected = newChat();
    const spam = await file(handle, rejected);
    await ReportModel.updateOne({ ticket: spam }, { $set: { status: 'rejected' } });
    expect(joined(await handle(textFrom(rejected, 'halo lagi')))).toMatch(/RAHASIA/);
  });
});

describe('status with a ticket', () => {
  it('answers that ticket for its own chat, and only the chat\'s own reports for someone else\'s, without a greeting', async () => {
    const handle = harness.newHandler();
    const mine = newChat();
    const theirs = newChat();
    const myTicket = await file(handle, mine);
    const theirTicket = await file(handle, theirs);

    const own = joined(await handle(textFrom(mine, `status ${myTicket}`)));
    expect(own).toContain(myTicket);
    expect(own).toMatch(/Laporan Anda/);
    expect(own).not.toMatch(/RAHASIA/);
    const other = joined(await handle(textFrom(mine, `STATUS ${theirTicket.toLowerCase()}`)));
    expect(other).toContain(myTicket);
    expect(other).not.toContain(theirTicket);
    // Nothing was forwarded: status is a question to the service, not a message to staff.
    const report = await ReportModel.findOne({ ticket: myTicket }).lean();
    expect(await ReportMessageModel.countDocuments({ reportId: report!._id })).toBe(0);
  });

  it('with a draft open: the status, then the draft\'s question again, the draft untouched', async () => {
    const handle = harness.newHandler();
    const chat = newChat();
    const ticket = await file(handle, chat);
    await sayAll(handle, chat, ['laporan baru', 'ya']);
    const replies = await handle(textFrom(chat, `status ${ticket}`));
    expect(replies[0]!.text).toContain(ticket);
    expect(replies[1]!.text).toMatch(/bahaya SAAT INI/);
    expect(joined(await handle(textFrom(chat, 'tidak')))).toMatch(/Siapa Anda/);
  });

  it('without any report: none yet, and no greeting', async () => {
    const handle = harness.newHandler();
    expect(joined(await handle(textFrom(newChat(), 'status ADU-2345-6789')))).toMatch(/Belum ada laporan/);
  });
});
