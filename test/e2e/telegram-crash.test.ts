import { ReportModel } from '../../src/db/models/report.model';
import { useTestDatabase } from '../support/database';
import { startTelegramBots } from '../support/telegram-bots';

// The bots process killed in the middle of a reporter's message: from the reporter's side the service must not die.
const db = useTestDatabase('tgcrash');
let bots: Awaited<ReturnType<typeof startTelegramBots>>;

beforeAll(async () => {
  await ReportModel.init();
  bots = await startTelegramBots('tgcrash', db.uri);
}, 40_000);
afterAll(async () => {
  bots.fake.stallDownloads(false);
  expect(await bots.stop()).toBe(0);
});

describe('Telegram: the bots process is killed while it handles a message', () => {
  it('hands the interrupted message to the restarted process, and answers the reporter\'s next message within 10 s', async () => {
    const chat = bots.chat(4101);
    await chat.say('halo', /RAHASIA/);
    await chat.say('ya', /bahaya SAAT INI/);
    await chat.say('tidak', /Siapa Anda/);
    await chat.say('tetangga', /Ceritakan/);
    await chat.say('Anak tetangga sering dipukul ayahnya sampai memar', /umur/);

    // A photo whose download hangs: the process holds this chat while it waits, and is killed then.
    bots.fake.stallDownloads(true);
    bots.fake.sendPhoto(4101, Buffer.from('photo-bytes-of-a-bruise'));
    await new Promise((r) => setTimeout(r, 1_500));
    const sentBefore = chat.texts().length;
    await bots.crash();
    bots.fake.stallDownloads(false);

    // Telegram had not been told the photo was handled: the restarted process gets it again and answers it.
    await chat.waitFor(/Berkas diterima|foto/i, 15_000);
    expect(chat.texts().length).toBeGreaterThan(sentBefore);

    // The reporter, unsure, writes again: an answer comes within seconds, not after a minute's lock.
    const asked = Date.now();
    bots.fake.sendText(4101, 'halo? masih di situ?');
    await chat.waitFor(/.+/, 10_000);
    expect(Date.now() - asked).toBeLessThan(10_000);
  }, 90_000);
});
