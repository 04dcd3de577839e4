import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { AlertModel } from '../../src/db/models/alert.model';
import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { CaseModel } from '../../src/db/models/case.model';
import { OnCallShiftModel } from '../../src/db/models/on-call-shift.model';
import { PartnerModel } from '../../src/db/models/partner.model';
import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import { requestGrant } from '../../src/users/role-grants';
import { startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
import { PEOPLE, seedPanel, type PanelSeed } from '../support/panel-seed';
import { makeReport } from '../factories/reports';
import { makeUser, TEST_PASSWORD } from '../factories/users';

// The pages with a button in every row, on a phone (390×844), as the person who uses each meets it: the petugas on
// call and the Koordinator acknowledge an alert the banner sends them to, the roster is kept, a grant approved, an
// account reset. Each row's button must be on the screen without scrolling sideways (the queue's cards already were;
// these tables ran 440–700 px wide and put "Terima" off the screen).

const PHONE = { width: 390, height: 844 };
const db = useTestDatabase('panelphone');
let admin: RunningAdmin;
let browser: Browser;
let seed: PanelSeed;

async function signInOnPhone(username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
  await page.goto(`${admin.baseUrl}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', TEST_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  return page;
}

/** How wide the page lays out (a phone widens its layout to fit) and the buttons of `main` that end past the screen. */
async function offScreen(page: Page): Promise<{ width: number; buttons: string[] }> {
  return page.evaluate((screenWidth) => ({
    width: document.documentElement.scrollWidth,
    buttons: [...document.querySelectorAll('main button')]
      .filter((b) => b.getBoundingClientRect().right > screenWidth)
      .map((b) => (b.textContent ?? '').trim()),
  }), PHONE.width);
}

beforeAll(async () => {
  await Promise.all([UserModel.init(), ReportModel.init(), CaseModel.init(), PartnerModel.init(), AuditEventModel.init(), AlertModel.init(), OnCallShiftModel.init()]);
  admin = await startAdminApp('panelphone', db.uri);
  browser = await launchChromium();
  seed = await seedPanel();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await admin?.close();
});

describe('on a phone, every row of a list keeps its button on the screen', () => {
  it('the petugas on call and the Koordinator acknowledge an alert nobody received, from the banner', async () => {
    const report = await makeReport({ priority: 'P1' });
    for (const [level, recipientRole] of (['petugas_on_call', 'kepala_seksi_data', 'koordinator'] as const).entries()) {
      await AlertModel.create({
        idempotencyKey: `report-${report.id}-L${level}`, subject: `report-${report.id}`, kind: 'report', reportId: report._id, level,
        recipientRole, text: 'LAPOR ANAK: laporan darurat', status: 'no_recipient',
      });
    }
    const koor = await signInOnPhone(PEOPLE.koordinator.username);
    await Promise.all([koor.waitForNavigation(), koor.click('text=Buka daftar peringatan dan terima')]);
    expect(new URL(koor.url()).pathname).toBe('/alerts');
    expect(await offScreen(koor)).toEqual({ width: PHONE.width, buttons: [] });
    // The ticket leads the card; each other value says what it is, as the queue's cards do.
    expect(await koor.innerText(`tr[data-alert] td:first-child`)).toContain(report.ticket);
    const names = await koor.evaluate(() => [...document.querySelectorAll('#alerts tbody tr:first-child td')].map((td) => getComputedStyle(td, '::before').content));
    expect(names).toEqual(expect.arrayContaining(['"Prioritas"', '"Alasan"', '"Dibuat"', '"Diterima"']));

    const joko = await signInOnPhone(PEOPLE.petugas_on_call.username);
    await joko.goto(`${admin.baseUrl}/alerts`);
    expect(await offScreen(joko)).toEqual({ width: PHONE.width, buttons: [] });
    // The first row is the level-0 alert: tapped where it is, without scrolling sideways.
    await Promise.all([joko.waitForNavigation(), joko.tap('#alerts tbody tr:first-child button')]);
    expect(await joko.innerText('main')).toMatch(new RegExp(`Peringatan ${report.ticket} sudah Anda terima`));
  }, 60_000);

  it('the roster, the grants and the accounts fit the screen too', async () => {
    const koor = await signInOnPhone(PEOPLE.koordinator.username);
    await koor.goto(`${admin.baseUrl}/oncall`);
    expect(await OnCallShiftModel.countDocuments()).toBeGreaterThan(0);
    expect(await offScreen(koor)).toEqual({ width: PHONE.width, buttons: [] });

    const waiting = await makeUser('penerima_pengaduan', 'baru.masuk');
    await requestGrant(waiting.id, 'penerima_pengaduan', { id: seed.users.admin, name: PEOPLE.admin.username, role: 'admin' });
    await koor.goto(`${admin.baseUrl}/grants`);
    expect(await koor.locator('main button', { hasText: 'Setujui' }).count()).toBe(1);
    expect(await offScreen(koor)).toEqual({ width: PHONE.width, buttons: [] });

    const sysadmin = await signInOnPhone(PEOPLE.admin.username);
    await sysadmin.goto(`${admin.baseUrl}/users`);
    expect(await sysadmin.locator('main button', { hasText: 'Reset sandi' }).count()).toBeGreaterThan(1);
    expect(await offScreen(sysadmin)).toEqual({ width: PHONE.width, buttons: [] });
  }, 60_000);
});
