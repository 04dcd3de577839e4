import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AlertModel } from '../../src/db/models/alert.model';
import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { ReportMessageModel } from '../../src/db/models/report-message.model';
import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import { createRedis } from '../../src/redis';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-bot-api';
import { ticketIn } from '../factories/intake-script';
import { testCipher } from '../factories/reports';
import { makeUser, TEST_PASSWORD } from '../factories/users';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { launchChromium } from '../support/browser';
import { useTestDatabase } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { freePort, ROOT, startProcess, type Running } from '../support/processes';
import { TEST_REDIS_URL } from '../support/redis';
import { startTestWorkers, type TestWorkers } from '../support/worker-harness';
import { chatPage } from '../support/webchat-page';

// Issue 13, web chat: staff replies reach the open chat (and wait for a closed one), what the reporter writes after
// filing reaches staff, files and the location can be sent, long texts are not cut silently, `status ADU-…` answers.
// A real headless Chromium on the real bots process, the worker's processors, the admin app, Redis and FerretDB.
const db = useTestDatabase('webchatconv');
const HOLDER_CHAT = 880_099;
let bots: Running;
let workers: TestWorkers;
let admin: RunningAdmin;
let telegram: FakeTelegram;
let browser: Browser;
let baseUrl: string;
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lapor-media-webchatconv-'));
const redis = createRedis(TEST_REDIS_URL);

beforeAll(async () => {
  await Promise.all([ReportModel.init(), ReportMessageModel.init(), AlertModel.init(), UserModel.init(), AuditEventModel.init()]);
  telegram = await startFakeTelegram();
  workers = await startTestWorkers('webchatconv', db.uri, { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot, TELEGRAM_PER_CHAT_MS: '200' });
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  bots = startProcess('bots/main.ts', {
    BOTS_PORT: String(port), MONGODB_URI: db.uri, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: workers.config.redis.prefix,
    TELEGRAM_BOT_TOKEN: '', WEBCHAT_MESSAGES_PER_MINUTE: '500', INTAKE_MESSAGES_PER_MINUTE: '1000', MEDIA_DIR: mediaDir,
    DISTRICT_ONCALL_PHONE: '0737-123-456', LOG_LEVEL: 'info',
  });
  admin = await startAdminApp('webchatconv', db.uri, { queues: workers.queues }, { MEDIA_DIR: mediaDir });
  await expectEventually(() => expect(bots.output()).toMatch(/"msg":"bots ready"/), 60_000);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  bots.child.kill('SIGTERM');
  expect(await bots.exited).toBe(0);
  await admin?.close();
  await workers?.stop();
  await telegram?.close();
  redis.disconnect();
  fs.rmSync(mediaDir, { recursive: true, force: true });
});

async function signedIn(username: string) {
  const client = new AdminClient(admin.baseUrl);
  const res = await client.json('POST', '/api/session', { username, password: TEST_PASSWORD }, { csrf: false });
  expect(res.status).toBe(200);
  return client;
}

const shot = (page: Page, name: string) => {
  fs.mkdirSync(path.join(ROOT, 'test-artifacts'), { recursive: true });
  return page.screenshot({ path: path.join(ROOT, `test-artifacts/${name}.png`), fullPage: true });
};
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('web chat: messages both ways', () => {
  let context: BrowserContext;
  let page: Page;
  let ticket: string;
  let reportId: string;
  let rina: AdminClient;
  const messagesOf = () => ReportMessageModel.find({ reportId }).sort({ at: 1 }).lean();

  beforeAll(async () => {
    context = await browser.newContext({
      viewport: { width: 390, height: 844 }, geolocation: { latitude: -2.5833, longitude: 101.1167 }, permissions: ['geolocation'],
    });
    page = await context.newPage();
    const user = await makeUser('penerima_pengaduan', 'rina.web');
    await UserModel.updateOne({ _id: user.id }, { $set: { telegramChatId: testCipher.encrypt(String(HOLDER_CHAT), fieldOf(BOUND.users, user.id, 'telegramChatId')) } });
    rina = await signedIn('rina.web');
  });
  afterAll(() => context.close());

  it('files a report with a photo and the shared location, in a growing box that says when a text is too long', async () => {
    await page.goto(`${baseUrl}/chat`);
    const chat = chatPage(page);
    await chat.say('halo', /RAHASIA/);
    await chat.choose(/Ya/, /bahaya SAAT INI/);
    await chat.choose(/Tidak/, /Siapa Anda/);
    await chat.choose(/Guru/, /Ceritakan/);
    await chat.attach({ name: 'memar.png', mimeType: 'image/png', buffer: PNG }, /Sekarang tuliskan/);

    // 5,265 characters: nothing cut, nothing sent, a calm word about the limit; the box has grown.
    const story = 'Murid kelas 5 dipukul dan diejek kakak kelasnya setiap istirahat. '.repeat(81).slice(0, 5265);
    const before = await page.locator('.msg').count();
    const box = page.locator('#text');
    const oneLine = (await box.boundingBox())!.height;
    await box.fill(story);
    expect(await page.locator('#counter').textContent()).toMatch(/5265 \/ 4000/);
    expect(await page.locator('#limit-note').textContent()).toMatch(/5265 karakter, lebih dari batas 4000. Tidak ada yang kami potong/);
    expect((await box.boundingBox())!.height).toBeGreaterThan(oneLine * 2);
    await box.press('Enter');
    expect(await page.locator('.msg').count()).toBe(before);
    expect(await box.inputValue()).toHaveLength(5265);
    await shot(page, 'webchat-too-long');

    // The story already gives the age band (class 5), who did it and that it goes on ("setiap istirahat"): none is asked.
    await chat.say('Murid kelas 5 dipukul dan diejek kakak kelasnya setiap istirahat', /Jenis kelamin/);
    await chat.choose(/Laki-laki/, /kecamatan/);
    await chat.say('Lubuk Pinang', /tempat kejadiannya/);
    await chat.choose(/Sekolah/, /menghubungi Anda/);
    await chat.choose(/Lewat chat ini/, /ringkasan/);
    // The optional details, where the shared location is offered.
    await chat.choose(/Tambah detail/, /Nama anak/);
    await chat.choose(/Lewati/, /Desa/);
    await chat.say('lewati', /lokasi/);
    await page.locator('#share-location').click();
    await chat.waitFor(/Kapan/);
    await chat.say('setiap hari sejak Oktober', /ringkasan/);
    const [done] = await chat.choose(/Kirim laporan/, /nomor tiket/);
    ticket = ticketIn(done!)!;
    const report = await ReportModel.findOne({ ticket }).lean();
    reportId = String(report!._id);
    expect(report).toMatchObject({ channel: 'webchat', anonymous: false, media: [{ kind: 'photo', mimeType: 'image/png', size: PNG.length }] });
    expect(testCipher.decrypt(report!.location!.exact!, fieldOf(BOUND.reports, report!._id, 'location.exact'))).toBe('-2.5833,101.1167');
    expect(report!.replyAddress).toBeDefined();

    // `status` with the ticket answers it, without the greeting.
    await chat.say(`status ${ticket}`, new RegExp(`Laporan Anda:\\n${ticket}`));
    expect(await page.locator('.msg.bot').last().textContent()).not.toMatch(/RAHASIA/);
  }, 90_000);

  it('a staff reply appears in the open chat without a reload; the panel shows it delivered without revealing anything', async () => {
    await expectEventually(async () => expect((await ReportModel.findById(reportId).lean())!.status).toBe('queued'), 15_000);
    await rina.get(`/reports/${reportId}`);
    expect((await rina.postForm(`/reports/${reportId}/claim`, {})).status).toBe(303);
    await rina.get(`/reports/${reportId}`);
    const marker = await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    await rina.postForm(`/reports/${reportId}/reply`, { text: 'Terima kasih, Bu Guru. Kami akan menghubungi sekolah besok pagi.' });

    await chatPage(page).waitFor(/Balasan petugas[\s\S]*Kami akan menghubungi sekolah besok pagi/, '.msg.staff');
    expect(await page.evaluate(() => (window as unknown as { marker: string }).marker)).toBe(marker);
    await expectEventually(async () => expect((await messagesOf()).map((m) => m.status)).toEqual(['delivered']));
    const masked = await rina.get(`/reports/${reportId}`);
    expect(masked.text).toMatch(/Petugas<\/span> · <time>[^<]+<\/time> ·\s*<span class="state">tampil di chat pelapor \(delivered\)/);
    expect(masked.text).not.toContain('menghubungi sekolah besok');
    await shot(page, 'webchat-staff-reply');
  }, 60_000);

  it('the reporter writes again: acknowledged, stored, the holder alerted, and staff read it on the report page after a reveal', async () => {
    const chat = chatPage(page);
    const [ack] = (await chat.say('Baik. Kemarin dia dipukul lagi di kelas', /sudah kami teruskan/)).slice(-1);
    expect(ack).toContain(ticket);
    expect(await ReportModel.countDocuments({ channel: 'webchat', ticket: { $ne: ticket }, reporterHash: (await ReportModel.findById(reportId).lean())!.reporterHash })).toBe(0);
    await expectEventually(() => expect(telegram.textsTo(HOLDER_CHAT).join('\n')).toMatch(new RegExp(`${ticket}[\\s\\S]*pesan baru`)), 15_000);

    const masked = await rina.get(`/reports/${reportId}`);
    expect(masked.text).toMatch(/Pelapor<\/span> · <time>[^<]+<\/time> ·\s*<span class="state">diterima/);
    expect(masked.text).not.toContain('dipukul lagi di kelas');
    await rina.postForm(`/reports/${reportId}/reveal`, { reason: 'membaca pesan pelapor' });
    const revealed = (await rina.get(`/reports/${reportId}`)).text;
    const reply = revealed.indexOf('Kami akan menghubungi sekolah besok pagi');
    const followUp = revealed.indexOf('Kemarin dia dipukul lagi di kelas');
    expect(reply).toBeGreaterThan(0);
    expect(followUp).toBeGreaterThan(reply);
    expect(await AuditEventModel.countDocuments({ subjectId: reportId, action: /reveal/ })).toBeGreaterThan(0);
    await shot(page, 'webchat-conversation');
  }, 60_000);

  it('a reply sent while the chat is closed waits, encrypted, and appears when the same chat session comes back', async () => {
    await page.goto('about:blank');
    await expectEventually(async () => expect(await redis.pubsub('CHANNELS', `${workers.config.redis.prefix}:webchat:live:*`)).toEqual([]));
    await rina.get(`/reports/${reportId}`);
    await rina.postForm(`/reports/${reportId}/reply`, { text: 'Bu Guru, kami sudah bicara dengan kepala sekolah.' });
    await expectEventually(async () => expect((await messagesOf()).at(-1)!.status).toBe('waiting'), 15_000);
    expect((await messagesOf()).at(-1)!.text).toMatch(/^enc:/);
    expect((await rina.get(`/reports/${reportId}`)).text).toMatch(/menunggu pelapor membuka chat lagi \(waiting\)/);

    await page.goto(`${baseUrl}/chat`);
    await chatPage(page).waitFor(/sudah bicara dengan kepala sekolah/, '.msg.staff');
    await expectEventually(async () => expect((await messagesOf()).at(-1)!.status).toBe('delivered'));
    await page.reload();
    await page.waitForTimeout(500);
    expect(await page.locator('.msg.staff').count()).toBe(0); // shown once, not on every visit
  }, 60_000);
});

describe('web chat: the page follows the language, and works without JavaScript', () => {
  it('after switching to English, the buttons and the placeholder are English too', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/chat`);
    const chat = chatPage(page);
    await chat.say('halo', /RAHASIA/);
    await chat.say('language', /Choose a language/);
    await chat.choose(/English/, /CONFIDENTIAL/);
    expect(await page.locator('#text').getAttribute('placeholder')).toBe('Write a message… (e.g. hello)');
    expect(await page.locator('#send').textContent()).toBe('Send');
    expect(await page.locator('#attach').textContent()).toBe('Attach a photo / file');
    expect(await page.locator('#quick-exit').textContent()).toBe('Quick exit (Esc)');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.close();
  });

  it('a text over the limit posted without JavaScript gets the calm message, and the page is in the chat\'s language', async () => {
    const id = crypto.randomUUID();
    const post = (fields: Record<string, string>) => fetch(`${baseUrl}/chat`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ session: id, ...fields }),
    }).then((r) => r.text());
    const html = await post({ text: 'x'.repeat(5265) });
    expect(html).toMatch(/Pesan terlalu panjang \(paling banyak 4000 huruf\)/);
    expect(html).toMatch(/<textarea id="text" name="text"/);
    expect(html).not.toMatch(/maxlength/);
    await post({ text: 'halo' });
    await post({ text: 'language' });
    expect(await post({ choice: 'language:en' })).toMatch(/<html lang="en">[\s\S]*placeholder="Write a message/);
  });

  it('uploads refuse a type outside MEDIA_ALLOWED_TYPES calmly', async () => {
    const id = crypto.randomUUID();
    const api = (url: string, body: unknown) => fetch(`${baseUrl}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (const text of ['halo', 'ya', 'tidak', '4', 'ya', '1']) await api('/chat/api/messages', { sessionId: id, text });
    const refused = await (await api('/chat/api/upload', { sessionId: id, mimeType: 'application/x-msdownload', fileName: 'a.exe', data: Buffer.from('MZ').toString('base64') })).json();
    expect(refused.replies.map((r: { text: string }) => r.text).join('\n')).toMatch(/Jenis berkas/);
    const accepted = await (await api('/chat/api/upload', { sessionId: id, mimeType: 'audio/ogg', fileName: 'suara.ogg', data: Buffer.from('OggS voice').toString('base64') })).json();
    expect(accepted.replies[0].text).toMatch(/Berkas diterima \(1\)/);
    expect((await api('/chat/api/upload', { sessionId: id, mimeType: 'image/png', data: 'not base64!' })).status).toBe(400);
  });
});
