import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { CaseModel } from '../../src/db/models/case.model';
import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
import { makeReport } from '../factories/reports';
import { makeUser, TEST_PASSWORD } from '../factories/users';

const db = useTestDatabase('hostile');
let admin: RunningAdmin;
const ids: Record<string, string> = {};

async function signedIn(username: string) {
  const client = new AdminClient(admin.baseUrl);
  expect((await client.json('POST', '/api/session', { username, password: TEST_PASSWORD }, { csrf: false })).status).toBe(200);
  return client;
}

beforeAll(async () => {
  await Promise.all([UserModel.init(), ReportModel.init(), CaseModel.init(), AuditEventModel.init()]);
  admin = await startAdminApp('hostile', db.uri);
  await makeUser('penerima_pengaduan', 'rina');
  const budi = await makeUser('pekerja_sosial', 'budi');
  const andi = await makeUser('pekerja_sosial', 'andi');
  await makeUser('kepala_seksi_pelayanan', 'kasi');
  const budiCase = await CaseModel.create({ caseNumber: 'KSS-2026-0001', openedBy: 'x', caseManagerId: budi.id });
  const andiCase = await CaseModel.create({ caseNumber: 'KSS-2026-0002', openedBy: 'x', caseManagerId: andi.id });
  Object.assign(ids, { budiCase: budiCase.id, andiCase: andiCase.id });
});
afterAll(() => admin.close());

const OPERATORS = [{ $ne: null }, { $gt: '' }, { $regex: '.*' }, { $where: '1 == 1' }, { $in: ['a'] }];

describe('hostile input', () => {
  it('refuses NoSQL operators in the sign-in body with 400 and signs nobody in', async () => {
    for (const op of OPERATORS) {
      const client = new AdminClient(admin.baseUrl);
      const res = await client.json('POST', '/api/session', { username: 'rina', password: op }, { csrf: false });
      expect(res.status).toBe(400);
      const both = await client.json('POST', '/api/session', { username: op, password: op }, { csrf: false });
      expect(both.status).toBe(400);
      expect((await client.get('/api/intake')).status).toBe(401);
    }
    const extraKey = await new AdminClient(admin.baseUrl).json('POST', '/api/session', { username: 'rina', password: TEST_PASSWORD, $where: '1' }, { csrf: false });
    expect(extraKey.status).toBe(400);
  });

  it('refuses operators in every JSON body of the API with 400 and changes nothing', async () => {
    const report = await makeReport();
    const rina = await signedIn('rina');
    const kasi = await signedIn('kasi');
    const reportCalls: [string, (op: object) => object][] = [
      [`/api/reports/${report.id}/claim`, (op) => ({ claimedBy: op })],
      [`/api/reports/${report.id}/release`, (op) => ({ status: op })],
      [`/api/reports/${report.id}/reject`, (op) => ({ reason: op })],
      [`/api/reports/${report.id}/reveal`, (op) => ({ reason: op })],
      [`/api/reports/${report.id}/open-case`, (op) => ({ caseNumber: op })],
    ];
    const caseCalls: [string, (op: object) => object][] = [
      [`/api/cases/${ids.budiCase}/referrals`, (op) => ({ partnerId: op, reason: 'pemeriksaan', authKind: 'consent', authNote: 'ibu' })],
      [`/api/cases/${ids.budiCase}/notes`, (op) => ({ text: op })],
      [`/api/cases/${ids.budiCase}/transition`, (op) => ({ to: op })],
    ];
    for (const op of OPERATORS) {
      for (const [path, body] of reportCalls) expect([path, (await rina.json('POST', path, body(op))).status]).toEqual([path, 400]);
      for (const [path, body] of caseCalls) expect([path, (await kasi.json('POST', path, body(op))).status]).toEqual([path, 400]);
    }
    expect((await ReportModel.findById(report.id))!.status).toBe('queued');
    expect((await CaseModel.findById(ids.budiCase))!.status).toBe('assessment');
    expect(await AuditEventModel.countDocuments({ subjectId: report.id })).toBe(0);
  });

  it('ignores bracket operators in forms (`reason[$ne]=`): the form is refused, nothing changes', async () => {
    const report = await makeReport();
    const rina = await signedIn('rina');
    await rina.json('POST', `/api/reports/${report.id}/claim`, {});
    await rina.get('/intake');
    const res = await rina.request('POST', `/reports/${report.id}/reject`, {
      body: `_csrf=${encodeURIComponent(rina.csrf)}&reason[$ne]=x`, type: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(303);
    expect((await ReportModel.findById(report.id))!.status).toBe('claimed');
  });

  it('shows a script in the report text as text, never as markup', async () => {
    const report = await makeReport({ description: '<script>alert("xss")</script><img src=x onerror=alert(1)>', childName: '"><svg onload=alert(2)>' });
    const rina = await signedIn('rina');
    await rina.get(`/reports/${report.id}`);
    await rina.postForm(`/reports/${report.id}/reveal`, { reason: 'cek isi laporan' });
    const page = await rina.get(`/reports/${report.id}`);
    expect(page.text).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).not.toContain('<svg onload');
  });

  it('refuses a change with a missing or wrong CSRF token (403), for forms and JSON', async () => {
    const report = await makeReport();
    const rina = await signedIn('rina');
    expect((await rina.json('POST', `/api/reports/${report.id}/claim`, {}, { csrf: false })).status).toBe(403);
    expect((await rina.json('POST', `/api/reports/${report.id}/claim`, {}, { csrf: 'x'.repeat(43) })).status).toBe(403);
    expect((await rina.postForm(`/reports/${report.id}/claim`, {}, { csrf: false })).status).toBe(403);
    expect((await rina.postForm(`/reports/${report.id}/claim`, {}, { csrf: 'wrong' })).status).toBe(403);
    expect((await ReportModel.findById(report.id))!.status).toBe('queued');
    // Another session's token does not work either.
    const other = await signedIn('rina');
    expect((await rina.json('POST', `/api/reports/${report.id}/claim`, {}, { csrf: other.csrf })).status).toBe(403);
  });

  it("answers 403 for another case manager's case, on pages and the API, and shows nothing of it", async () => {
    const budi = await signedIn('budi');
    const page = await budi.get(`/cases/${ids.andiCase}`);
    expect(page.status).toBe(403);
    expect(page.text).not.toContain('KSS-2026-0002');
    expect((await budi.get(`/api/cases/${ids.andiCase}`)).status).toBe(403);
    await budi.get('/cases');
    expect((await budi.postForm(`/cases/${ids.andiCase}/notes`, { text: 'menyusup ke kasus orang lain' })).status).toBe(403);
    expect((await budi.json('POST', `/api/cases/${ids.andiCase}/transition`, { to: 'planning' })).status).toBe(403);
    expect((await CaseModel.findById(ids.andiCase))!.status).toBe('assessment');
    expect((await budi.get('/cases')).text).not.toContain('KSS-2026-0002');
    expect((await budi.get(`/api/cases/${ids.budiCase}`)).status).toBe(200);
  });

  it('answers 413 to an oversized body, JSON or form, and stays up', async () => {
    const rina = await signedIn('rina');
    const big = 'x'.repeat(200 * 1024);
    expect((await rina.json('POST', '/api/session', { username: 'rina', password: big }, { csrf: false })).status).toBe(413);
    const report = await makeReport();
    expect((await rina.postForm(`/reports/${report.id}/reveal`, { reason: big })).status).toBe(413);
    expect((await rina.get('/api/intake')).status).toBe(200);
  });

  it('answers 404, not an error, to malformed ids', async () => {
    const rina = await signedIn('rina');
    expect((await rina.get('/reports/not-an-id')).status).toBe(404);
    expect((await rina.json('POST', '/api/reports/%24ne/claim', {})).status).toBe(404);
    expect((await rina.get('/api/reports/by-ticket/%7B%22%24ne%22%3Anull%7D')).status).toBe(404);
  });
});
