import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { CaseModel } from '../../src/db/models/case.model';
import { PartnerModel } from '../../src/db/models/partner.model';
import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import { startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { ROOT } from '../support/processes';
import { startTestWorkers } from '../support/worker-harness';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-bot-api';
import { makeReport } from '../factories/reports';
import { makeUser, TEST_PASSWORD } from '../factories/users';

const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'admin-browser');
const db = useTestDatabase('browser');
let admin: RunningAdmin;
let browser: Browser;
let telegram: FakeTelegram;
let workers: Awaited<ReturnType<typeof startTestWorkers>>;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function signIn(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${admin.baseUrl}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', TEST_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  return page;
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await Promise.all([UserModel.init(), ReportModel.init(), CaseModel.init(), PartnerModel.init(), AuditEventModel.init()]);
  // The worker's real processors deliver the staff reply to a fake Telegram Bot API speaking the real protocol.
  telegram = await startFakeTelegram();
  workers = await startTestWorkers('browser', db.uri, { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot });
  admin = await startAdminApp('browser', db.uri, { queues: workers.queues });
  browser = await launchChromium();
  await makeUser('penerima_pengaduan', 'rina');
  await makeUser('kepala_seksi_pelayanan', 'kasi');
  await makeUser('pekerja_sosial', 'budi');
  await PartnerModel.create({ name: 'Puskesmas Ipuh', kind: 'kesehatan' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await admin?.close();
  await workers?.stop();
  await telegram?.close();
});

describe('the admin panel in a real browser', () => {
  it('from a new report in the live queue to terminasi', async () => {
    const rina = await signIn('rina');
    expect(new URL(rina.url()).pathname).toBe('/intake');
    await rina.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    await shot(rina, '01-queue-empty');

    // A report arrives while the page is open: it appears without a reload.
    const report = await makeReport({ priority: 'P1', childName: 'Ayu Lestari', description: 'Anak <b>dipukul</b> setiap malam.', chatId: '7001' });
    const row = rina.locator(`tr[data-ticket="${report.ticket}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await rina.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    expect(await row.textContent()).toContain('P1');
    await shot(rina, '02-queue-live-report');

    await Promise.all([rina.waitForNavigation(), row.locator('a').click()]);
    expect(await rina.textContent('body')).not.toContain('Ayu Lestari');
    await Promise.all([rina.waitForNavigation(), rina.click('#claim')]);
    expect(await rina.textContent('#report-status')).toBe('Sedang ditangani');
    await shot(rina, '03-claimed');

    await rina.fill('#reveal-form input[name=reason]', 'verifikasi identitas anak');
    await Promise.all([rina.waitForNavigation(), rina.click('#reveal')]);
    const body = await rina.textContent('body');
    expect(body).toContain('Ayu Lestari');
    expect(body).toContain('Anak <b>dipukul</b> setiap malam.');
    await shot(rina, '04-revealed');

    await rina.fill('textarea[name=text]', 'Terima kasih, laporan Anda sedang kami tangani.');
    await Promise.all([rina.waitForNavigation(), rina.click('#send-reply')]);
    expect(await rina.textContent('body')).toContain('Balasan diantrekan');
    expect(await rina.textContent('.conversation')).toContain('Terima kasih, laporan Anda sedang kami tangani.');
    await expectEventually(() => expect(telegram.textsTo('7001')).toEqual(['Terima kasih, laporan Anda sedang kami tangani.']), 15_000);
    await rina.reload();
    expect(await rina.textContent('.conversation')).toContain('terkirim');

    await Promise.all([rina.waitForNavigation(), rina.click('#open-case')]);
    expect(await rina.textContent('body')).toMatch(/Kasus KSS-\d{4}-\d{4} dibuka/);
    const kase = await CaseModel.findOne({ reportIds: report._id });
    await shot(rina, '05-case-opened');

    const kasi = await signIn('kasi');
    await kasi.goto(`${admin.baseUrl}/cases/${kase!.id}`);
    await kasi.selectOption('#assign-manager-user', { label: 'Test pekerja_sosial' });
    await Promise.all([kasi.waitForNavigation(), kasi.click('#assign-manager button')]);
    expect(await kasi.textContent('body')).toContain('Penugasan disimpan');

    const budi = await signIn('budi');
    await budi.goto(`${admin.baseUrl}/cases`);
    await Promise.all([budi.waitForNavigation(), budi.click(`a:has-text("${kase!.caseNumber}")`)]);
    await budi.fill('#referral-form textarea[name=reason]', 'Pemeriksaan luka dan visum');
    await budi.fill('#referral-form input[name=authNote]', 'Ibu kandung, persetujuan lisan');
    await Promise.all([budi.waitForNavigation(), budi.click('#referral-form button')]);
    expect(await budi.textContent('#referrals')).toContain('Puskesmas Ipuh');
    await budi.fill('#note-form textarea[name=text]', 'Konferensi kasus: pendampingan psikososial disepakati.');
    await Promise.all([budi.waitForNavigation(), budi.click('#note-form button')]);
    expect(await budi.textContent('#notes')).toContain('pendampingan psikososial');
    await shot(budi, '06-case-referral-note');

    await budi.click('#terminate summary');
    await budi.fill('#terminate textarea[name=closingSummary]', 'Anak aman, keluarga didampingi, rujukan selesai.');
    await budi.fill('#terminate input[name=authNote]', 'Ibu kandung, tertulis');
    await Promise.all([budi.waitForNavigation(), budi.click('#terminate-button')]);
    expect(await budi.textContent('#case-status')).toBe('Terminasi');
    await shot(budi, '07-terminated');

    await expectEventually(async () => {
      const actions = (await AuditEventModel.find({}, { action: 1 }).lean()).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['report.status', 'report.reveal', 'report.reply', 'case.open', 'case.assign', 'case.referral', 'case.transition']));
    });
  }, 120_000);
});
