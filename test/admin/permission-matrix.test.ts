import { CaseModel } from '../../src/db/models/case.model';
import { PartnerModel } from '../../src/db/models/partner.model';
import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import { STAFF_ROLES, type StaffRole } from '../../src/users/roles';
import { createAdminApp } from '../../admin/create-admin-app';
import { loadConfig } from '../../src/config';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
import { makeReport } from '../factories/reports';
import { makeUser, TEST_PASSWORD } from '../factories/users';

// The role table of docs/domain.md as this test reads it, written out independently of admin/permissions.ts:
// every route, every role, allowed or denied. A route added without a line here fails the coverage check.
const PUBLIC = 'public';
const ALL: StaffRole[] = [...STAFF_ROLES];
const INTAKE_VIEW: StaffRole[] = ['penerima_pengaduan', 'petugas_input_data', 'kepala_seksi_data', 'petugas_on_call', 'kepala_seksi_pelayanan', 'koordinator'];
const REVEAL: StaffRole[] = ['penerima_pengaduan', 'kepala_seksi_data', 'petugas_on_call', 'kepala_seksi_pelayanan', 'koordinator'];
const CLAIM: StaffRole[] = ['penerima_pengaduan', 'kepala_seksi_data', 'petugas_on_call'];
const DESK: StaffRole[] = ['penerima_pengaduan', 'kepala_seksi_data'];
const MERGE: StaffRole[] = ['penerima_pengaduan', 'petugas_input_data', 'kepala_seksi_data'];
const OPEN_CASE: StaffRole[] = ['penerima_pengaduan', 'kepala_seksi_data', 'kepala_seksi_pelayanan'];
const CASE_VIEW: StaffRole[] = ['pekerja_sosial', 'petugas_assesmen', 'kepala_seksi_pelayanan', 'koordinator'];
const CASE_WORK: StaffRole[] = ['pekerja_sosial', 'petugas_assesmen', 'kepala_seksi_pelayanan'];
const PARTNER_VIEW: StaffRole[] = ['pekerja_sosial', 'petugas_assesmen', 'kepala_seksi_pelayanan', 'penerima_pengaduan', 'kepala_seksi_data', 'koordinator', 'admin'];
const EXPORT: StaffRole[] = ['petugas_input_data', 'kepala_seksi_data', 'koordinator'];
const PARTNER_MANAGE: StaffRole[] = ['kepala_seksi_pelayanan', 'koordinator', 'admin'];

const MATRIX: Record<string, StaffRole[] | typeof PUBLIC> = {
  'GET /healthz': PUBLIC,
  'GET /readyz': PUBLIC,
  'GET /login': PUBLIC,
  'POST /login': PUBLIC,
  'POST /logout': PUBLIC,
  'GET /': PUBLIC,
  'GET /api/openapi.json': PUBLIC,
  'POST /api/session': PUBLIC,
  'POST /logout-everywhere': ALL,
  'GET /password': ALL,
  'POST /password': ALL,
  'DELETE /api/session': ALL,
  'GET /intake': INTAKE_VIEW,
  'GET /intake/rows': INTAKE_VIEW,
  'GET /intake/stream': INTAKE_VIEW,
  'GET /api/intake': INTAKE_VIEW,
  // Case workers read only the reports of their own cases: this report belongs to none (test/admin/panel-in-words).
  'GET /reports/:id': INTAKE_VIEW,
  'GET /api/reports/by-ticket/:ticket': INTAKE_VIEW,
  'POST /reports/:id/reveal': REVEAL,
  'POST /api/reports/:id/reveal': REVEAL,
  'GET /reports/:id/media/:index': REVEAL,
  'GET /reports/:id/messages/:messageId/media': REVEAL,
  'POST /reports/:id/claim': CLAIM,
  'POST /api/reports/:id/claim': CLAIM,
  'POST /reports/:id/release': CLAIM,
  'POST /api/reports/:id/release': CLAIM,
  'POST /reports/:id/reply': CLAIM,
  'POST /reports/:id/reject': DESK,
  'POST /api/reports/:id/reject': DESK,
  'POST /reports/:id/refer-out': DESK,
  'POST /reports/:id/merge': MERGE,
  'POST /reports/:id/open-case': OPEN_CASE,
  'POST /api/reports/:id/open-case': OPEN_CASE,
  'POST /reports/:id/attach-case': OPEN_CASE,
  'GET /cases': CASE_VIEW,
  'GET /cases/:id': CASE_VIEW,
  'GET /api/cases/:id': CASE_VIEW,
  'POST /cases/:id/assign': ['kepala_seksi_pelayanan'],
  // Anyone who may open the case reveals its child's data with a reason (the report reveal, audited).
  'POST /cases/:id/reveal': CASE_VIEW,
  'POST /cases/:id/termination-request': CASE_WORK,
  'POST /cases/:id/approve-termination': ['kepala_seksi_pelayanan'],
  'POST /cases/:id/referrals': CASE_WORK,
  'POST /api/cases/:id/referrals': CASE_WORK,
  'POST /cases/:id/referrals/:rid': CASE_WORK,
  'POST /cases/:id/notes': CASE_WORK,
  'POST /cases/:id/plan': CASE_WORK,
  'POST /api/cases/:id/notes': CASE_WORK,
  'POST /cases/:id/monitoring': CASE_WORK,
  'POST /cases/:id/transition': CASE_WORK,
  'POST /api/cases/:id/transition': CASE_WORK,
  'GET /partners': PARTNER_VIEW,
  'POST /partners': PARTNER_MANAGE,
  'POST /partners/:id': PARTNER_MANAGE,
  'POST /partners/:id/deactivate': PARTNER_MANAGE,
  'GET /audit': ['koordinator'],
  'GET /oncall': [...MERGE, 'petugas_on_call', 'kepala_seksi_pelayanan', 'koordinator'],
  'POST /oncall': ['kepala_seksi_data', 'koordinator'],
  'POST /oncall/:id/delete': ['kepala_seksi_data', 'koordinator'],
  'GET /alerts/:id': ['petugas_on_call', 'kepala_seksi_data', 'koordinator', 'penerima_pengaduan'],
  'GET /alerts': ['petugas_on_call', 'kepala_seksi_data', 'koordinator', 'penerima_pengaduan'],
  'POST /alerts/:id/ack': ['petugas_on_call', 'kepala_seksi_data', 'koordinator', 'penerima_pengaduan'],
  'GET /users': ['admin'],
  'GET /whatsapp': ['admin'],
  'POST /users': ['admin'],
  'POST /users/:id/reset': ['admin'],
  'POST /users/:id/active': ['admin'],
  'GET /grants': ['koordinator'],
  'POST /grants/:id/approve': ['koordinator'],
  'POST /grants/:id/refuse': ['koordinator'],
  'POST /account/contact': ALL,
  'GET /reports-new': DESK,
  'POST /reports-new': DESK,
  'GET /retention': ['koordinator'],
  'POST /reports/:id/block-sender': [...DESK, 'koordinator'],
  'POST /reports/:id/unblock-sender': [...DESK, 'koordinator'],
  'GET /dashboard': ['petugas_input_data', 'kepala_seksi_data', 'kepala_seksi_pelayanan', 'koordinator'],
  'GET /exports/quarterly.csv': EXPORT,
  'GET /exports/quarterly.xlsx': EXPORT,
  'GET /exports/simfoni.csv': EXPORT,
};

// Routes that end the session go last, each with a fresh sign-in.
const SESSION_ENDING = ['POST /logout-everywhere', 'DELETE /api/session', 'POST /logout'];

const db = useTestDatabase('matrix');
let admin: RunningAdmin;
const ids: Record<string, string> = {};

function registeredRoutes(): string[] {
  const app = createAdminApp({ config: loadConfig(), redis: admin.redis });
  const stack = (app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router.stack;
  return stack.flatMap((layer) =>
    layer.route ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`) : [],
  );
}

function concrete(route: string): [string, string] {
  const [method, path] = route.split(' ') as [string, string];
  return [method, path
    .replace(':ticket', ids.ticket!)
    .replace('/cases/:id', `/cases/${ids.case}`)
    .replace('/partners/:id', `/partners/${ids.partner}`)
    .replace('/users/:id', `/users/${ids.spareUser}`)
    .replace('/grants/:id', `/grants/${ids.spareUser}`)
    .replace('/oncall/:id', `/oncall/${ids.spareUser}`)
    .replace('/alerts/:id', `/alerts/${ids.spareUser}`)
    .replace(':rid', ids.referral!)
    .replace(':index', '0')
    .replace(':id', ids.report!)];
}

async function call(client: AdminClient, route: string) {
  const [method, path] = concrete(route);
  if (path === '/intake/stream') {
    const abort = new AbortController();
    const res = await fetch(admin.baseUrl + path, { headers: { cookie: client.cookie }, redirect: 'manual', signal: abort.signal });
    abort.abort();
    return { status: res.status, location: res.headers.get('location') ?? '' };
  }
  if (method === 'GET') return client.get(path);
  if (path.startsWith('/api/')) return client.json(method, path, {});
  return client.postForm(path, {});
}

async function signIn(role: StaffRole): Promise<AdminClient> {
  const client = new AdminClient(admin.baseUrl);
  const res = await client.json('POST', '/api/session', { username: `m.${role}`, password: TEST_PASSWORD }, { csrf: false });
  expect(res.status).toBe(200);
  return client;
}

beforeAll(async () => {
  await Promise.all([UserModel.init(), ReportModel.init(), CaseModel.init(), PartnerModel.init()]);
  admin = await startAdminApp('matrix', db.uri);
  const users: Record<string, string> = {};
  for (const role of STAFF_ROLES) users[role] = (await makeUser(role, `m.${role}`)).id;
  const report = await makeReport();
  const partner = await PartnerModel.create({ name: 'UPTD PPA', kind: 'uptd_ppa' });
  const kase = await CaseModel.create({
    caseNumber: 'KSS-2026-9999', openedBy: users.penerima_pengaduan, caseManagerId: users.pekerja_sosial, assessorId: users.petugas_assesmen,
    referrals: [{ partnerId: partner._id, partnerName: 'UPTD PPA', reason: 'x', authorisation: { kind: 'consent', by: users.pekerja_sosial, note: 'x' }, by: users.pekerja_sosial }],
  });
  const spare = await makeUser('pekerja_sosial', 'm.spare');
  Object.assign(ids, { spareUser: spare.id, report: report.id, ticket: report.ticket, partner: partner.id, case: kase.id, referral: String(kase.referrals[0]!._id) });
});
afterAll(() => admin.close());

describe('permission matrix: every role against every route', () => {
  it('covers every route the app registers', () => {
    expect(registeredRoutes().sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(STAFF_ROLES)('%s: allowed where the role table says, 403 everywhere else', async (role) => {
    let client = await signIn(role);
    const outcomes: string[] = [];
    const expected: string[] = [];
    const ordered = Object.keys(MATRIX).filter((r) => !SESSION_ENDING.includes(r)).concat(SESSION_ENDING);
    for (const route of ordered) {
      const rule = MATRIX[route]!;
      if (SESSION_ENDING.includes(route)) client = await signIn(role);
      const res = await call(client, route);
      const denied = res.status === 403 || res.status === 401 || /^\/login\?next=/.test(res.location);
      outcomes.push(`${route} → ${denied ? 'deny' : 'allow'}`);
      expected.push(`${route} → ${rule === PUBLIC || rule.includes(role) ? 'allow' : 'deny'}`);
      if (denied && rule !== PUBLIC && !rule.includes(role)) expect([403]).toContain(res.status);
    }
    expect(outcomes).toEqual(expected);
  });

  it('a signed-out visitor gets 401 from the API and the sign-in page for every page', async () => {
    const anonymous = new AdminClient(admin.baseUrl);
    await anonymous.get('/login');
    for (const route of Object.keys(MATRIX).filter((r) => MATRIX[r] !== PUBLIC)) {
      const res = await call(anonymous, route);
      if (concrete(route)[1].startsWith('/api/')) expect([route, res.status]).toEqual([route, 401]);
      else expect([route, res.status, res.location]).toEqual([route, 303, expect.stringMatching(/^\/login\?next=/)]);
    }
  });
});
