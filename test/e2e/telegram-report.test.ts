import { Queue } from 'bullmq';
import { ReportModel } from '../../src/db/models/report.model';
import { createFieldCipher } from '../../src/crypto/field-cipher';
import { loadConfig } from '../../src/config';
import { createRedis } from '../../src/redis';
import { ticketIn } from '../factories/intake-script';
import { useTestDatabase } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { TEST_REDIS_URL } from '../support/redis';
import { startTelegramBots } from '../support/telegram-bots';

// The real bots process, the real telegraf client, a fake Bot API, real Redis and FerretDB.
const db = useTestDatabase('tgreport');
let bots: Awaited<ReturnType<typeof startTelegramBots>>;
const cipher = createFieldCipher(loadConfig().crypto);

beforeAll(async () => {
  await ReportModel.init();
  bots = await startTelegramBots('tgreport', db.uri);
}, 40_000);
afterAll(async () => {
  expect(await bots.stop()).toBe(0);
});

describe('Telegram: a reporter on the real bots process', () => {
  it('files a full report with buttons, gets the ticket, and the report is stored encrypted', async () => {
    const chat = bots.chat(1001);
    await chat.say('/start', /RAHASIA/);
    expect(chat.buttons().map(([label]) => label)).toEqual(['1. Ya', '2. Tidak']);
    // Buttons and numbered lines both: the question text lists the options too.
    expect(chat.texts().at(-1)).toMatch(/\n1\. Ya\n2\. Tidak$/);
    await chat.press(/Ya/, /bahaya SAAT INI/);
    await chat.press(/Tidak/, /Siapa Anda/);
    await chat.press(/Tetangga/, /anonim/);
    await chat.press(/boleh dihubungi/, /Apa yang terjadi/);
    await chat.press(/Kekerasan fisik/, /Ceritakan/);
    await chat.say('Anak tetangga bernama Sari sering dipukul ayahnya sampai memar', /foto, pesan suara/);
    await chat.press(/Lanjut/, /umur/);
    await chat.press(/6–12/, /Jenis kelamin/);
    await chat.press(/Perempuan/, /Nama anak/);
    await chat.say('Sari', /Siapa yang melakukannya/);
    await chat.press(/Orang tua/, /kecamatan/);
    await chat.say('Ipuh', /Desa/);
    await chat.say('Pulai Payung', /tempat kejadiannya/);
    await chat.press(/Rumah/, /lokasi/);
    await chat.press(/Lewati/, /Kapan/);
    await chat.say('kemarin sore', /masih berlangsung/);
    await chat.press(/Ya/, /menghubungi Anda/);
    await chat.press(/Lewat chat ini/, /ringkasan/);
    const [done] = await chat.press(/Kirim laporan/, /nomor tiket/);
    const ticket = ticketIn(done!);
    expect(ticket).toBeDefined();

    // Every press was acknowledged, and its keyboard taken away so it cannot be pressed twice.
    expect(bots.fake.calls('answerCallbackQuery').length).toBeGreaterThanOrEqual(14);
    expect(bots.fake.calls('editMessageReplyMarkup').length).toBeGreaterThanOrEqual(14);

    const report = await ReportModel.findOne({ ticket }).lean();
    expect(report).toMatchObject({ channel: 'telegram', anonymous: false, category: 'kekerasan_fisik', status: 'received' });
    const raw = JSON.stringify(report);
    for (const plain of ['Sari', 'dipukul', '1001', 'Pulai Payung']) expect(raw).not.toContain(plain);
    expect(cipher.decrypt(report!.replyAddress!)).toBe('1001');
  });

  it('takes the same report typed as numbers and words, and answers `status` with the ticket', async () => {
    const chat = bots.chat(1002);
    await chat.say('halo', /RAHASIA/);
    await chat.say('iya', /bahaya SAAT INI/);
    await chat.say('tidak', /Siapa Anda/);
    await chat.say('5', /anonim/);
    await chat.say('2', /Apa yang terjadi/);
    await chat.say('perundungan', /Ceritakan/);
    await chat.say('Anak saya diejek dan dipukul teman di sekolah setiap hari', /foto, pesan suara/);
    await chat.say('lanjut', /umur/);
    await chat.say('11 tahun', /Jenis kelamin/);
    await chat.say('laki-laki', /Nama anak/);
    await chat.say('lewati', /Siapa yang melakukannya/);
    await chat.say('3', /kecamatan/);
    await chat.say('5', /Desa/);
    await chat.say('lewati', /tempat kejadiannya/);
    await chat.say('sekolah', /lokasi/);
    await chat.say('lewati', /Kapan/);
    await chat.say('minggu lalu', /masih berlangsung/);
    await chat.say('ya', /menghubungi Anda/);
    await chat.say('1', /ringkasan/);
    const [done] = await chat.say('1', /nomor tiket/);
    const ticket = ticketIn(done!)!;
    const report = await ReportModel.findOne({ ticket }).lean();
    expect(report).toMatchObject({ reporterRole: 'teacher_school', category: 'perundungan', location: { kecamatan: 'Kota Mukomuko', placeType: 'sekolah' } });

    const [status] = await chat.say('status', /Laporan Anda:/);
    expect(status).toContain(ticket);
    expect(status).toMatch(/diterima/);
  });

  it('keeps an anonymous reporter anonymous: no reply address, no contact', async () => {
    const chat = bots.chat(1003);
    await chat.say('halo', /RAHASIA/);
    await chat.say('ya', /bahaya/);
    await chat.say('tidak', /Siapa Anda/);
    await chat.say('1', /anonim/);
    await chat.say('ya', /Apa yang terjadi/);
    await chat.say('2', /Ceritakan/);
    await chat.say('Saya sering dimarahi dan dikatai bodoh oleh om saya di rumah', /foto, pesan suara/);
    await chat.say('lanjut', /umur/);
    await chat.say('14', /Jenis kelamin/);
    await chat.say('3', /Nama anak/);
    await chat.say('lewati', /Siapa yang melakukannya/);
    await chat.say('2', /kecamatan/);
    await chat.say('1', /Desa/);
    await chat.say('lewati', /tempat kejadiannya/);
    await chat.say('1', /lokasi/);
    await chat.say('lewati', /Kapan/);
    await chat.say('tadi malam', /masih berlangsung/);
    const summary = await chat.say('tidak', /ringkasan/);
    expect(summary.join('\n')).toMatch(/Anonim/);
    const [done] = await chat.say('1', /nomor tiket/);
    const report = await ReportModel.findOne({ ticket: ticketIn(done!) }).lean();
    expect(report).toMatchObject({ anonymous: true });
    expect(report!.replyAddress).toBeUndefined();
    expect(report!.contactPhone).toBeUndefined();
  });

  it('sends the emergency contacts as the first reply after "danger: yes", and queues the on-call alert', async () => {
    const chat = bots.chat(1004);
    await chat.say('halo', /RAHASIA/);
    await chat.say('ya', /bahaya SAAT INI/);
    const before = chat.texts().length;
    await chat.say('ya', /Siapa Anda/);
    const first = chat.texts()[before]!;
    expect(first).toMatch(/SEGERA hubungi/);
    expect(first).toMatch(/112/);
    expect(first).toContain('0737-123-456');

    const connection = createRedis(TEST_REDIS_URL, { forBullWorker: true });
    const alerts = new Queue('alerts', { connection, prefix: bots.prefix });
    try {
      await expectEventually(async () => {
        const jobs = await alerts.getJobs(['waiting', 'delayed', 'prioritized']);
        expect(jobs.map((j) => j.data)).toContainEqual(expect.objectContaining({ kind: 'urgent_draft', channel: 'telegram' }));
      });
    } finally {
      await alerts.close();
      connection.disconnect();
    }
  });

  it('forgets everything on `batal` midway: nothing stored, the next message starts afresh', async () => {
    const chat = bots.chat(1005);
    const before = await ReportModel.countDocuments();
    await chat.say('halo', /RAHASIA/);
    await chat.say('ya', /bahaya/);
    await chat.say('tidak', /Siapa Anda/);
    await chat.say('batal', /dibatalkan/);
    expect(await ReportModel.countDocuments()).toBe(before);
    await chat.say('halo', /RAHASIA/);
  });

  it('accepts a photo while the story is told and stores it with the report', async () => {
    const chat = bots.chat(1006);
    for (const [text, next] of [['halo', /RAHASIA/], ['ya', /bahaya/], ['tidak', /Siapa Anda/], ['4', /anonim/], ['tidak', /Apa yang/], ['1', /Ceritakan/]] as const) {
      await chat.say(text, next);
    }
    const photo = Buffer.from('\xff\xd8\xff\xe0 a small jpeg for the test', 'latin1');
    bots.fake.sendPhoto(1006, photo, 'memar di lengan');
    await chat.waitFor(/Berkas diterima \(1\)/);
    await chat.say('Anak itu dipukul dengan sapu oleh ayahnya tiap malam', /foto, pesan suara/);
    for (const [text, next] of [['lanjut', /umur/], ['7', /Jenis/], ['1', /Nama/], ['lewati', /Siapa yang/], ['1', /kecamatan/],
      ['1', /Desa/], ['lewati', /tempat/], ['1', /lokasi/], ['lewati', /Kapan/], ['kemarin', /berlangsung/], ['ya', /menghubungi/], ['1', /ringkasan/]] as const) {
      await chat.say(text, next);
    }
    const [done] = await chat.say('1', /nomor tiket/);
    const report = await ReportModel.findOne({ ticket: ticketIn(done!) }).lean();
    expect(report!.media).toHaveLength(1);
    expect(report!.media![0]).toMatchObject({ kind: 'photo', mimeType: 'image/jpeg', size: photo.length });
    expect(bots.fake.calls('getFile')).toHaveLength(1);
  });

  it('speaks English when asked', async () => {
    const chat = bots.chat(1007);
    await chat.say('halo', /RAHASIA/);
    await chat.say('language', /Choose a language/);
    await chat.press(/English/, /CONFIDENTIAL/i);
    await chat.say('yes', /danger/i);
    await chat.say('no', /Who are you/i);
  });
});
