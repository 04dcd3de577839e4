import { AlertModel } from '../../src/db/models/alert.model';
import { ReportMessageModel } from '../../src/db/models/report-message.model';
import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import { claimReport } from '../../src/reports/claim-report';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { ticketIn } from '../factories/intake-script';
import { testCipher } from '../factories/reports';
import { makeUser } from '../factories/users';
import { useTestDatabase } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { startTelegramBots } from '../support/telegram-bots';
import { startTestWorkers, type TestWorkers } from '../support/worker-harness';

// Observed on main: a reporter who wrote again after filing started a brand-new report, and what they wrote reached
// no one. Here: the real bots process on a fake Bot API, the worker's processors, real Redis and FerretDB.
const db = useTestDatabase('tgafter');
let bots: Awaited<ReturnType<typeof startTelegramBots>>;
let workers: TestWorkers;
const HOLDER_CHAT = 880_077;

beforeAll(async () => {
  await Promise.all([ReportModel.init(), ReportMessageModel.init(), AlertModel.init(), UserModel.init()]);
  bots = await startTelegramBots('tgafter', db.uri);
  workers = await startTestWorkers('tgafter', db.uri, {
    REDIS_PREFIX: bots.prefix, TELEGRAM_BOT_TOKEN: bots.fake.token, TELEGRAM_API_ROOT: bots.fake.apiRoot, TELEGRAM_PER_CHAT_MS: '200',
  });
}, 40_000);
afterAll(async () => {
  await workers?.stop();
  expect(await bots.stop()).toBe(0);
});

async function fileReport(chatId: number): Promise<string> {
  const chat = bots.chat(chatId);
  await chat.say('/start', /RAHASIA/);
  await chat.press(/Ya/, /bahaya SAAT INI/);
  await chat.press(/Tidak/, /Siapa Anda/);
  await chat.press(/Tetangga/, /Ceritakan/);
  await chat.say('Anak tetangga bernama Sari sering dipukul ayahnya sampai memar', /umur/);
  await chat.press(/6–12/, /Jenis kelamin/);
  await chat.press(/Perempuan/, /kecamatan/);
  await chat.say('Ipuh', /tempat kejadiannya/);
  await chat.press(/Rumah/, /menghubungi Anda/);
  await chat.press(/Lewat chat ini/, /ringkasan/);
  const [done] = await chat.press(/Kirim laporan/, /nomor tiket/);
  return ticketIn(done!)!;
}

describe('Telegram: a reporter writes after filing', () => {
  it('the message is stored encrypted on the report, the reporter hears it was passed on, and the holder is alerted', async () => {
    const rina = await makeUser('penerima_pengaduan', 'rina.tg');
    await UserModel.updateOne({ _id: rina.id }, { $set: { telegramChatId: testCipher.encrypt(String(HOLDER_CHAT), fieldOf(BOUND.users, rina.id, 'telegramChatId')) } });
    const ticket = await fileReport(4101);
    const report = await ReportModel.findOne({ ticket }).lean();
    await expectEventually(async () => expect((await ReportModel.findById(report!._id).lean())!.status).toBe('queued'), 15_000);
    expect((await claimReport(String(report!._id), { id: rina.id, name: 'rina.tg', role: 'penerima_pengaduan' })).ok).toBe(true);

    const chat = bots.chat(4101);
    await chat.waitFor(/nomor tiket/);
    const [ack] = await chat.say('Tadi malam ayahnya memukul Sari lagi, sekarang Sari di rumah neneknya', /sudah kami teruskan/);
    expect(ack).toContain(ticket);
    expect(ack).not.toMatch(/RAHASIA/);
    expect(await ReportModel.countDocuments({ reporterHash: report!.reporterHash })).toBe(1);

    const [message] = await ReportMessageModel.find({ reportId: report!._id, direction: 'in' }).lean();
    expect(message).toMatchObject({ by: 'reporter', status: 'received' });
    expect(message!.text).not.toContain('Sari');
    expect(testCipher.decrypt(message!.text, fieldOf(BOUND.reportMessages, message!._id, 'text'))).toBe('Tadi malam ayahnya memukul Sari lagi, sekarang Sari di rumah neneknya');

    // The holder hears about it on their own Telegram: the ticket and a link, never the words.
    await expectEventually(() => expect(bots.fake.textsTo(HOLDER_CHAT).join('\n')).toMatch(new RegExp(`${ticket}[\\s\\S]*pesan baru`)), 15_000);
    expect(bots.fake.textsTo(HOLDER_CHAT).join('\n')).not.toContain('Sari');
    expect(await AlertModel.countDocuments({ kind: 'reporter_message', reportId: report!._id })).toBe(1);

    // A second report is a deliberate act.
    await chat.say('laporan baru', /RAHASIA/);
  }, 60_000);

  it('a photo sent after filing is kept on the report, encrypted', async () => {
    const ticket = await fileReport(4102);
    const report = await ReportModel.findOne({ ticket }).lean();
    bots.fake.sendPhoto(4102, Buffer.from('photo of a new bruise'), 'memar baru');
    await bots.chat(4102).waitFor(/sudah kami teruskan/);
    const [message] = await ReportMessageModel.find({ reportId: report!._id, direction: 'in' }).lean();
    expect(message!.media).toMatchObject({ kind: 'photo' });
    expect(testCipher.decrypt(message!.text, fieldOf(BOUND.reportMessages, message!._id, 'text'))).toBe('memar baru');
  }, 60_000);
});
