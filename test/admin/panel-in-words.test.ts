import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { CaseModel } from '../../src/db/models/case.model';
import { PartnerModel } from '../../src/db/models/partner.model';
import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import { AGE_BANDS, CATEGORIES, CHANNELS, PERPETRATOR_RELATIONS, PLACE_TYPES, REPORTER_ROLES, REPORT_STATUSES, SEXES } from '../../src/reports/report-vocabulary';
import { CASE_STATUSES, MONITORING_KINDS, PARTNER_KINDS, REFERRAL_STATUSES, AUTHORISATION_KINDS } from '../../src/cases/case-vocabulary';
import { STAFF_ROLES, type StaffRole } from '../../src/users/roles';
import { can, type Action } from '../../admin/permissions';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
import { PEOPLE, seedPanel, type PanelSeed } from '../support/panel-seed';
import { createUser } from '../../src/users/manage-users';
import { TEST_PASSWORD } from '../factories/users';

// Issue 13, "the panel read at a glance": every role, every page it may open, and not one stored code in what a
// person reads. Codes are what the database holds; staff should only ever see the words of src/labels/.

const db = useTestDatabase('words');
let admin: RunningAdmin;
let seed: PanelSeed;

/** Every page (GET) of the panel with the action that guards it; `:report`, `:case` filled from the seed. */
const PAGES: [string, Action][] = [
  ['/intake', 'intake.view'],
  ['/intake?sla=flagged', 'intake.view'],
  ['/intake/rows', 'intake.view'],
  ['/reports/:queued', 'report.view'],
  ['/reports/:claimed', 'report.view'],
  ['/reports/:caseReport', 'report.view'],
  ['/reports-new', 'report.register'],
  ['/cases', 'case.list'],
  ['/cases?closed=1', 'case.list'],
  ['/cases/:case', 'case.view'],
  ['/partners', 'partner.view'],
  ['/dashboard', 'report.stats'],
  ['/oncall', 'oncall.view'],
  ['/audit', 'audit.view'],
  ['/retention', 'retention.view'],
  ['/users', 'user.manage'],
  ['/whatsapp', 'whatsapp.login'],
  ['/password', 'account.self'],
];

/** Codes that are English or snake_case words: never what an Indonesian page should show. */
const CODES = new Set<string>([
  ...REPORT_STATUSES, ...CASE_STATUSES, ...CATEGORIES, ...CHANNELS, ...SEXES, ...AGE_BANDS.filter((a) => a === 'unknown'),
  ...REPORTER_ROLES, ...PERPETRATOR_RELATIONS, ...PLACE_TYPES, ...MONITORING_KINDS, ...REFERRAL_STATUSES, ...AUTHORISATION_KINDS,
  ...PARTNER_KINDS, ...STAFF_ROLES,
].filter((c) => c.includes('_') || /^(received|triaged|queued|claimed|assessment|planning|monitoring|terminated|legal|health|psychosocial|sent|accepted|declined|completed|consent|webchat|telegram|whatsapp|unknown|other|koordinator|admin)$/.test(c)));

/** What a person reads: the text of the page without its head, scripts and tags. */
function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/i, ' ')
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

function rawCodesIn(text: string, lang: 'id' | 'en'): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b/g)) found.add(m[0]);
  for (const m of text.matchAll(/\b(?:report|case|user|partner|oncall|alert|sender|export|retention)\.[a-z_]+\b/g)) found.add(m[0]);
  if (lang === 'id') for (const m of text.matchAll(/\b[a-z]+\b/g)) if (CODES.has(m[0])) found.add(m[0]);
  return [...found];
}

function concrete(page: string): string {
  return page.replace(':queued', seed.queued).replace(':claimed', seed.claimed).replace(':caseReport', seed.caseReport).replace(':case', seed.caseId);
}

async function signIn(role: StaffRole): Promise<AdminClient> {
  const client = new AdminClient(admin.baseUrl);
  const res = await client.json('POST', '/api/session', { username: PEOPLE[role].username, password: TEST_PASSWORD }, { csrf: false });
  expect(res.status).toBe(200);
  return client;
}

/** The pages a role may open: the permission table, plus the reports of a case the user works. */
function pagesFor(role: StaffRole): string[] {
  const pages = PAGES.filter(([, action]) => can(role, action)).map(([p]) => p);
  if (can(role, 'report.view_own_case') && !can(role, 'report.view')) pages.push('/reports/:caseReport');
  return pages;
}

beforeAll(async () => {
  await Promise.all([UserModel.init(), ReportModel.init(), CaseModel.init(), PartnerModel.init(), AuditEventModel.init()]);
  admin = await startAdminApp('words', db.uri);
  seed = await seedPanel();
}, 60_000);
afterAll(() => admin.close());

describe('the panel in words, not codes', () => {
  it.each(STAFF_ROLES)('%s: no raw code on any page the role may open, in Indonesian or English', async (role) => {
    const client = await signIn(role);
    const problems: string[] = [];
    for (const page of pagesFor(role)) {
      for (const lang of ['id', 'en'] as const) {
        const url = concrete(page) + (page.includes('?') ? '&' : '?') + `lang=${lang}`;
        const res = await client.get(url);
        expect([url, res.status]).toEqual([url, 200]);
        for (const code of rawCodesIn(visibleText(res.text), lang)) problems.push(`${lang} ${page}: ${code}`);
      }
    }
    // After a reveal on the case page, the child's facts are words too (and the names appear).
    if (can(role, 'case.view')) {
      await client.get(`/cases/${seed.caseId}?lang=id`);
      const revealed = await client.postForm(`/cases/${seed.caseId}/reveal`, { reason: 'penanganan kasus' });
      expect(revealed.status).toBe(303);
      const page = await client.get(`/cases/${seed.caseId}`);
      expect(page.text).toContain('Dimas Saputra');
      for (const code of rawCodesIn(visibleText(page.text), 'id')) problems.push(`id /cases/:case revealed: ${code}`);
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('shows each report button only to the roles the permission table lets use it', async () => {
    for (const role of STAFF_ROLES.filter((r) => can(r, 'report.view'))) {
      const client = await signIn(role);
      const page = (await client.get(`/reports/${seed.queued}`)).text;
      expect([role, 'claim', page.includes('id="claim"')]).toEqual([role, 'claim', can(role, 'report.claim')]);
      expect([role, 'merge', page.includes('id="merge-form"')]).toEqual([role, 'merge', can(role, 'report.merge')]);
      expect([role, 'reject', page.includes('id="reject-form"')]).toEqual([role, 'reject', false]);
    }
    const rina = await signIn('penerima_pengaduan');
    const held = (await rina.get(`/reports/${seed.claimed}`)).text;
    for (const id of ['open-case', 'release', 'attach-form', 'refer-out-form', 'reject-form', 'merge-form']) expect([id, held.includes(`id="${id}"`)]).toEqual([id, true]);
  });

  it('every form field has a label', async () => {
    for (const role of STAFF_ROLES) {
      const client = await signIn(role);
      for (const page of pagesFor(role)) {
        const html = (await client.get(concrete(page))).text;
        const ids = new Set([...html.matchAll(/<label for="([^"]+)"/g)].map((m) => m[1]));
        const fields = [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)]
          .filter((m) => !/type="hidden"/.test(m[2]!))
          // A field wrapped in its <label> is labelled too.
          .filter((m) => !new RegExp(`<label>[^<]*${m[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(html));
        for (const f of fields) {
          const id = /\bid="([^"]+)"/.exec(f[2]!)?.[1];
          if (!id || !ids.has(id)) throw new Error(`${role} ${page}: unlabelled ${f[0]}`);
          expect(f[2]).not.toMatch(/placeholder=/);
        }
      }
    }
  }, 60_000);

  it('lets the assigned pekerja sosial and assessor read the case report, and no other case worker', async () => {
    for (const role of ['pekerja_sosial', 'petugas_assesmen'] as const) {
      const client = await signIn(role);
      expect((await client.get(`/reports/${seed.caseReport}`)).status).toBe(200);
      expect((await client.get(`/reports/${seed.queued}`)).status).toBe(403);
    }
    await createUser({ username: 'wati', displayName: 'Wati Susanti', role: 'pekerja_sosial', password: TEST_PASSWORD, mustChangePassword: false });
    const other = new AdminClient(admin.baseUrl);
    expect((await other.json('POST', '/api/session', { username: 'wati', password: TEST_PASSWORD }, { csrf: false })).status).toBe(200);
    expect((await other.get(`/reports/${seed.caseReport}`)).status).toBe(403);
  });

  it('says why no referral can be made when the Jejaring Lembaga is empty, and who can add one', async () => {
    await PartnerModel.updateMany({}, { $set: { active: false } });
    try {
      const budi = await signIn('pekerja_sosial');
      const page = visibleText((await budi.get(`/cases/${seed.caseId}`)).text);
      expect(page).toContain('Belum ada lembaga mitra di Jejaring Lembaga, jadi rujukan belum dapat dibuat.');
      expect(page).toContain('Minta Kepala Seksi Pelayanan, Koordinator atau administrator sistem menambahkannya');
      const kasi = await signIn('kepala_seksi_pelayanan');
      expect(visibleText((await kasi.get('/partners')).text)).toContain('Tambahkan lembaga di halaman Jejaring Lembaga.');
    } finally {
      await PartnerModel.updateMany({}, { $set: { active: true } });
    }
  });

  it('opens the queue filtered to the reports the SLA watch flagged', async () => {
    const client = await signIn('kepala_seksi_data');
    const flagged = (await client.get('/intake?sla=flagged')).text;
    const ticket = (await ReportModel.findById(seed.queued).lean())!.ticket;
    const other = (await ReportModel.findById(seed.claimed).lean())!.ticket;
    expect(flagged).toContain(ticket);
    expect(flagged).not.toContain(other);
  });
});
