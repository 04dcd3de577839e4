import { Queue } from 'bullmq';
import { ReportModel } from '../../src/db/models/report.model';
import { createFieldCipher } from '../../src/crypto/field-cipher';
import { loadConfig } from '../../src/config';
import { createRedis } from '../../src/redis';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
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
    await chat.press(/Tetangga/, /Ceritakan/);
    // The story says what happened, who did it, and that it keeps happening: none of that is asked again.
    await chat.say('Anak tetangga bernama Sari sering dipukul ayahnya sampai memar', /umur/);
    expect(chat.texts().join('\n')).toMatch(/kami catat:[\s\S]*Kekerasan fisik[\s\S]*Orang tua/);
    await chat.press(/6–12/, /Jenis kelamin/);
    await chat.press(/Perempuan/, /kecamatan/);
    await chat.say('Ipuh', /tempat kejadiannya/);
    await chat.press(/Rumah/, /menghubungi Anda/);
    await chat.press(/Lewat chat ini/, /ringkasan/);
    // The optional details, for a reporter who wants to give them.
    await chat.press(/Tambah detail/, /Nama anak/);
    await chat.say('Sari', /Desa/);
    await chat.say('Pulai Payung', /lokasi/);
    await chat.press(/Lewati/, /Kapan/);
    await chat.say('kemarin sore', /ringkasan/);
    const [done] = await chat.press(/Kirim laporan/, /nomor tiket/);
    const ticket = ticketIn(done!);
    expect(ticket).toBeDefined();

    // Every press was acknowledged, and its keyboard taken away so it cannot be pressed twice.
    expect(bots.fake.calls('answerCallbackQuery').length).toBeGreaterThanOrEqual(10);
    expect(bots.fake.calls('editMessageReplyMarkup').length).toBeGreaterThanOrEqual(10);

    const report = await ReportModel.findOne({ ticket }).lean();
    expect(report).toMatchObject({ channel: 'telegram', anonymous: false, category: 'kekerasan_fisik', status: 'received', perpetratorRelation: 'orang_tua', ongoing: true });
    const raw = JSON.stringify(report);
    for (const plain of ['Sari', 'dipukul', '1001', 'Pulai Payung']) expect(raw).not.toContain(plain);
    expect(cipher.decrypt(report!.replyAddress!, fieldOf(BOUND.reports, report!._id, 'replyAddress'))).toBe('1001');
  });

  it('takes the same report typed as numbers and words, and answers `status` with the ticket', async () => {
    const chat = bots.chat(1002);
    await chat.say('halo', /RAHASIA/);
    await chat.say('iya', /bahaya SAAT INI/);
    await chat.say('tidak', /Siapa Anda/);
    await chat.say('5', /Ceritakan/);
    await chat.say('Murid saya diejek temannya di sekolah setiap hari', /umur/);
    await chat.say('11 tahun', /Jenis kelamin/);
    await chat.say('laki-laki', /kecamatan/);
    await chat.say('5', /menghubungi Anda/);
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
    await chat.say('1', /Ceritakan/);
    await chat.say('Saya sering dimarahi dan dikatai bodoh oleh om saya di rumah', /umur/);
    await chat.say('14', /Jenis kelamin/);
    await chat.say('3', /Siapa yang melakukannya/);
    await chat.say('lewati', /kecamatan/);
    await chat.say('2', /menghubungi Anda/);
    const summary = await chat.say('ya anonim aja', /ringkasan/);
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

  it('forgets nothing on `batal` once the story is told: asks first, goes on when the reporter keeps it', async () => {
    const chat = bots.chat(1008);
    for (const [text, next] of [['halo', /RAHASIA/], ['ya', /bahaya/], ['tidak', /Siapa Anda/], ['4', /Ceritakan/]] as const) await chat.say(text, next);
    await chat.say('Anak tetangga ditinggal sendirian di rumah tiap hari', /umur/);
    await chat.say('batal', /Batalkan laporan ini\?/);
    await chat.press(/Tidak, lanjutkan/, /umur/);
  });

  it('accepts a photo while the story is told and stores it with the report', async () => {
    const chat = bots.chat(1006);
    for (const [text, next] of [['halo', /RAHASIA/], ['ya', /bahaya/], ['tidak', /Siapa Anda/], ['4', /Ceritakan/]] as const) {
      await chat.say(text, next);
    }
    const photo = Buffer.from('\xff\xd8\xff\xe0 a small jpeg for the test', 'latin1');
    bots.fake.sendPhoto(1006, photo, 'memar di lengan');
    // The caption is the story; the next question follows.
    await chat.waitFor(/Berkas diterima \(1\)/);
    for (const [text, next] of [['7', /Jenis/], ['1', /Siapa yang/], ['1', /kecamatan/], ['1', /tempat/], ['1', /berlangsung/],
      ['ya', /menghubungi/], ['1', /ringkasan/]] as const) {
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

  it('issue 12: "iya bu tolong anaknya lg dipukulin bapaknya skrg" at the danger question brings the numbers at once', async () => {
    const chat = bots.chat(1011);
    await chat.say('halo', /RAHASIA/);
    await chat.say('iya setuju', /bahaya SAAT INI/);
    const before = chat.texts().length;
    await chat.say('iya bu tolong anaknya lg dipukulin bapaknya skrg', /Siapa Anda/);
    expect(chat.texts()[before]).toMatch(/SEGERA hubungi[\s\S]*112/);
    expect(chat.texts().slice(before).join('\n')).not.toMatch(/mohon jawab ya atau tidak/);
    await chat.say('sy tetangganya', /umur/);
  });

  it('issue 12: a story with danger as the very first message: numbers at once, story kept, consent still asked', async () => {
    const chat = bots.chat(1012);
    const [emergency, consent] = await chat.say('tolong ada anak dipukuli sekarang', /RAHASIA/);
    expect(emergency).toMatch(/SEGERA hubungi[\s\S]*112/);
    expect(consent).toMatch(/cerita Anda sudah kami catat/);
    await chat.say('iya', /kami catat:[\s\S]*Kekerasan fisik/);
  });

  it('issue 12: "4" at the age question is a four-year-old; the report is kept', async () => {
    const chat = bots.chat(1013);
    for (const [text, next] of [['halo', /RAHASIA/], ['iya', /bahaya/], ['enggak', /Siapa Anda/], ['sy tetangganya', /Ceritakan/],
      ['Anak tetangga sy sering dipukul bapaknya dirumahnya', /umur/], ['4', /Jenis kelamin/], ['cewek', /kecamatan/],
      ['ipuh', /menghubungi Anda/], ['ya anonim aja', /ringkasan/]] as const) {
      await chat.say(text, next);
    }
    const [done] = await chat.say('kirim', /nomor tiket/);
    const report = await ReportModel.findOne({ ticket: ticketIn(done!) }).lean();
    expect(report).toMatchObject({
      child: { age: 4, ageBand: '0-5', sex: 'perempuan' }, perpetratorRelation: 'orang_tua', reporterRole: 'neighbour_community',
      location: { kecamatan: 'Ipuh', placeType: 'rumah_tangga' }, anonymous: true, category: 'kekerasan_fisik',
    });
  });
});
