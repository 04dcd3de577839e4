import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { CaseModel } from '../../src/db/models/case.model';
import { PartnerModel } from '../../src/db/models/partner.model';
import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import { createUser } from '../../src/users/manage-users';
import type { StaffRole } from '../../src/users/roles';
import { startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
import { ROOT } from '../support/processes';
import { makeReport } from '../factories/reports';
import { TEST_PASSWORD } from '../factories/users';

// Issue 13 in a real Chromium, as each person works: the receptionist takes a report from the queue and opens a
// case, the Kepala Seksi Pelayanan assigns it, the pekerja sosial reads the child's facts and works the case up to
// asking for terminasi, and the Kepala Seksi approves it. Every step is photographed on a desk (1280×800) and on a
// phone (390×844) under test-artifacts/panel/, to be looked at.

const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'panel');
const DESK = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const db = useTestDatabase('panelui');
let admin: RunningAdmin;
let browser: Browser;

/** The page as it is now, on a desk and on a phone. */
async function shots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-desk.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(DESK);
}

async function signIn(username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: DESK })).newPage();
  await page.goto(`${admin.baseUrl}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', TEST_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  return page;
}

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

const person = (role: StaffRole, username: string, displayName: string) =>
  createUser({ username, displayName, role, password: TEST_PASSWORD, mustChangePassword: false });

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await Promise.all([UserModel.init(), ReportModel.init(), CaseModel.init(), PartnerModel.init(), AuditEventModel.init()]);
  admin = await startAdminApp('panelui', db.uri);
  browser = await launchChromium();
  await person('penerima_pengaduan', 'rina', 'Rina Wulandari');
  await person('kepala_seksi_pelayanan', 'kasi', 'Hendra Gunawan');
  await person('pekerja_sosial', 'budi', 'Budi Santoso');
  await person('pekerja_sosial', 'wati', 'Wati Susanti');
  await person('petugas_assesmen', 'asih', 'Asih Rahayu');
  await person('koordinator', 'koor', 'Made Suartini');
  await PartnerModel.create({ name: 'Puskesmas Ipuh', kind: 'kesehatan', phone: '0737-123456' });
  await makeReport({ priority: 'P3', category: 'pendidikan', kecamatan: 'Air Rami' });
  await makeReport({ priority: 'P2', category: 'penelantaran', kecamatan: 'Penarik' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await admin?.close();
});

describe('the panel, read at a glance, in a real browser', () => {
  it('queue → claim → case → assignment → case work → terminasi asked and approved', async () => {
    const report = await makeReport({ priority: 'P1', childName: 'Ayu Lestari', description: 'Anak dipukul ayahnya setiap malam.', kecamatan: 'Ipuh' });

    const rina = await signIn('rina');
    expect(new URL(rina.url()).pathname).toBe('/intake');
    const row = rina.locator(`tr[data-ticket="${report.ticket}"]`);
    expect(await row.innerText()).toContain('Kekerasan fisik');
    await shots(rina, '01-receptionist-queue');

    await submit(rina, `tr[data-ticket="${report.ticket}"] a`);
    expect(await rina.isVisible('#reject-form')).toBe(false);
    await submit(rina, '#claim');
    expect(await rina.textContent('#report-status')).toBe('Sedang ditangani');
    expect(await rina.innerText('main')).not.toContain('Ayu Lestari');
    await shots(rina, '02-receptionist-claimed');
    await submit(rina, '#open-case');
    expect(await rina.innerText('main')).toMatch(/Kasus KSS-\d{4}-\d{4} dibuka/);
    await shots(rina, '03-receptionist-case-opened');
    const kase = (await CaseModel.findOne({ reportIds: report._id }))!;

    const kasi = await signIn('kasi');
    await kasi.goto(`${admin.baseUrl}/cases/${kase.id}`);
    await kasi.selectOption('#assign-manager-user', { label: 'Budi Santoso' });
    await submit(kasi, '#assign-manager button');
    await kasi.selectOption('#assign-assessor-user', { label: 'Asih Rahayu' });
    await submit(kasi, '#assign-assessor button');
    expect(await kasi.textContent('#case-manager')).toBe('Budi Santoso');
    expect(await kasi.textContent('#case-assessor')).toBe('Asih Rahayu');
    await shots(kasi, '04-kepala-seksi-assigned');

    const budi = await signIn('budi');
    expect(new URL(budi.url()).pathname).toBe('/cases');
    await submit(budi, `a:has-text("${kase.caseNumber}")`);
    const header = await budi.innerText('#case-header');
    for (const word of ['A. L.', '6–12 tahun', 'Ipuh', 'P1 · darurat', 'Asesmen', 'Budi Santoso', 'Asih Rahayu']) expect(header).toContain(word);
    expect(await budi.innerText('main')).not.toContain('Ayu Lestari');
    await budi.fill('#reveal-reason', 'asesmen awal kasus');
    await submit(budi, '#reveal');
    const facts = await budi.innerText('.case-report');
    for (const word of ['Ayu Lestari', 'Anak dipukul ayahnya setiap malam.', 'Rumah tangga', 'Perempuan', 'Ibu Siti Aminah', 'Desa Tirta Mulya']) expect(facts).toContain(word);
    await shots(budi, '05-social-worker-child-revealed');

    // The report itself opens for the assigned worker (no 403).
    await submit(budi, '.report-link');
    expect(await budi.textContent('h1')).toContain(report.ticket);
    expect(await budi.innerText('main')).toContain('Ayu Lestari');
    await budi.goBack();

    await budi.fill('#plan-assessment', 'Anak tinggal bersama ibu; ayah pelaku kekerasan berulang.');
    await budi.fill('#plan-service', 'Visum, pendampingan psikososial, laporan ke Unit PPA.');
    await submit(budi, '#plan-form button');
    await budi.fill('#referral-reason', 'Pemeriksaan luka dan visum');
    await budi.fill('#referral-auth-note', 'Ibu kandung, persetujuan lisan');
    await submit(budi, '#referral-form button');
    expect(await budi.innerText('#referrals')).toContain('Puskesmas Ipuh · Terkirim');
    await budi.selectOption('#monitoring-kind', 'psychosocial');
    await budi.fill('#monitoring-note', 'Anak mulai mau bercerita, tidur lebih tenang.');
    await submit(budi, '#monitoring-form button');
    expect(await budi.innerText('#monitoring')).toContain('Kondisi psikososial');
    await submit(budi, '#next-stage');
    expect(await budi.textContent('#case-status')).toBe('Rencana layanan');
    await budi.click('#request-termination summary');
    await budi.fill('#request-summary', 'Keluarga pindah ke luar kabupaten; rujukan diteruskan ke dinas tujuan.');
    await submit(budi, '#request-termination-button');
    expect(await budi.innerText('#termination-request')).toContain('menunggu persetujuan');
    await shots(budi, '06-social-worker-asked-terminasi');

    // Another pekerja sosial reads neither the case nor its report.
    const wati = await signIn('wati');
    expect((await wati.goto(`${admin.baseUrl}/cases/${kase.id}`))!.status()).toBe(403);
    expect((await wati.goto(`${admin.baseUrl}/reports/${report.id}`))!.status()).toBe(403);

    await kasi.goto(`${admin.baseUrl}/cases/${kase.id}`);
    expect(await kasi.innerText('#approve-termination')).toContain('Keluarga pindah');
    await kasi.fill('#approval-note', 'Disetujui dalam rapat seksi');
    await submit(kasi, '#approve-termination-button');
    expect(await kasi.textContent('#case-status')).toBe('Terminasi');
    await shots(kasi, '07-kepala-seksi-approved-terminasi');

    const actions = (await AuditEventModel.find({}, { action: 1 }).lean()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['report.status', 'report.reveal', 'case.open', 'case.assign', 'case.referral', 'case.termination_request', 'case.transition']));
  }, 120_000);

  it('on a phone the queue is cards with field names and the header is one line', async () => {
    const rina = await signIn('rina');
    await rina.setViewportSize(PHONE);
    await rina.goto(`${admin.baseUrl}/intake`);
    const headerHeight = await rina.evaluate(() => document.querySelector('header')!.getBoundingClientRect().height);
    expect(headerHeight).toBeLessThan(70);
    // Each value shows its column's name (drawn by CSS from data-label, as a ::before).
    const names = await rina.evaluate(() => [...document.querySelectorAll('#queue-rows tr:first-child td')]
      .map((td) => getComputedStyle(td, '::before').content));
    expect(names).toEqual(expect.arrayContaining(['"Prioritas"', '"Kategori"', '"Kecamatan"', '"Status"', '"Batas SLA"']));
    const cardHeight = await rina.evaluate(() => document.querySelector('#queue-rows tr')!.getBoundingClientRect().height);
    expect(cardHeight).toBeLessThan(844 / 3);
    await rina.click('header .phone-menu summary');
    expect(await rina.isVisible('header .phone-menu a[href="/cases"]')).toBe(false);
    expect(await rina.isVisible('header .phone-menu a[href="/intake"]')).toBe(true);
    await rina.screenshot({ path: path.join(ARTIFACTS, '08-phone-menu-open.png') });

    // The role with the most menu entries still gets a one-line header on a desk; its audit log reads as words.
    const koor = await signIn('koor');
    await koor.goto(`${admin.baseUrl}/audit`);
    expect(await koor.evaluate(() => document.querySelector('header')!.getBoundingClientRect().height)).toBeLessThan(70);
    const log = await koor.innerText('main');
    expect(log).toContain('Data pribadi ditampilkan');
    expect(log).not.toMatch(/report\.reveal|\{"/);
    await shots(koor, '09-koordinator-audit');
    await koor.goto(`${admin.baseUrl}/cases?closed=1&lang=en`);
    await submit(koor, '#queue-rows a, table a');
    expect(await koor.innerText('#case-header')).toContain('Stage');
    await shots(koor, '10-koordinator-case-english');
  }, 60_000);
});
