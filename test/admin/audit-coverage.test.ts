import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Queue } from 'bullmq';
import { Types } from 'mongoose';
import { createAdminApp } from '../../admin/create-admin-app';
import { storeWhatsappLoginQr } from '../../src/channels/whatsapp-login-qr';
import { loadConfig } from '../../src/config';
import { AlertModel } from '../../src/db/models/alert.model';
import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { CaseModel } from '../../src/db/models/case.model';
import { OnCallShiftModel } from '../../src/db/models/on-call-shift.model';
import { PartnerModel } from '../../src/db/models/partner.model';
import { ReportModel } from '../../src/db/models/report.model';
import { ReportMessageModel } from '../../src/db/models/report-message.model';
import { UserModel } from '../../src/db/models/user.model';
import { createQueues } from '../../src/queue/queues';
import { createFolderMediaStore } from '../../src/reports/media-store';
import type { StaffRole } from '../../src/users/roles';
import { BOUND, elementField, fieldOf } from '../../src/crypto/encrypted-fields';
import { makeReport, testCipher } from '../factories/reports';
import { makeUser, TEST_PASSWORD } from '../factories/users';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis';

// Every route the admin app registers either records an audit event when it returns or changes personal or case
// data, or is listed below as carrying none, with the reason. A new route without either fails the first test;
// an audited route whose event went missing fails the second.

const NO_PERSONAL_DATA: Record<string, string> = {
  'GET /healthz': 'liveness only',
  'GET /readyz': 'whether Redis and the database answer',
  'GET /login': 'the empty sign-in form',
  'GET /': 'a redirect to the home page of the role',
  'GET /api/openapi.json': 'the API description',
  'POST /logout': 'ends the own session; reads and changes no record',
  'DELETE /api/session': 'ends the own session; reads and changes no record',
  'GET /password': 'the own password and contact forms, empty',
  'GET /intake': 'queue rows: ticket, priority, category, kecamatan, channel, status, holder, times; no personal field (opening a report is audited)',
  'GET /intake/rows': 'the same queue rows as /intake',
  'GET /api/intake': 'the same queue rows as /intake, as JSON',
  'GET /intake/stream': 'only "changed" signals, no rows',
  'GET /cases': 'case numbers, stages, priority, category; opening a case is audited',
  'GET /partners': 'a directory of organisations; no data of children or reporters',
  'GET /audit': 'the audit log itself: actors, actions, ids; no personal field',
  'GET /oncall': 'the roster: staff names and hours, without their addresses',
  'GET /alerts': 'alerts: ticket, priority, reason, level and who acknowledged; no reporter or child data',
  'GET /users': 'staff names and roles, without contact details (projected out)',
  'GET /reports-new': 'the empty walk-in form',
  'GET /dashboard': 'counts only',
  'GET /grants': 'staff names and the roles asked for, waiting for approval',
};

type Answer = Awaited<ReturnType<AdminClient['get']>>;
interface Audited {
  as: string;
  action: string;
  run: (client: AdminClient) => Promise<Answer>;
}

const db = useTestDatabase('auditwalk');
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lapor-media-audit-'));
const queuePrefix = uniquePrefix('auditwalk-q');
let admin: RunningAdmin;
let queues: Queue[] = [];
const ids: Record<string, string> = {};
const clients = new Map<string, AdminClient>();

const USERS: [string, StaffRole][] = [
  ['a.desk', 'penerima_pengaduan'], ['a.data', 'petugas_input_data'], ['a.kasidata', 'kepala_seksi_data'],
  ['a.oncall', 'petugas_on_call'], ['a.worker', 'pekerja_sosial'], ['a.assessor', 'petugas_assesmen'],
  ['a.kasi', 'kepala_seksi_pelayanan'], ['a.kord', 'koordinator'], ['a.admin', 'admin'],
  ['a.leaver', 'pekerja_sosial'], ['a.changer', 'pekerja_sosial'], ['a.spare', 'pekerja_sosial'], ['a.spare2', 'pekerja_sosial'],
];

async function freshClient(username: string): Promise<AdminClient> {
  const client = new AdminClient(admin.baseUrl);
  const res = await client.json('POST', '/api/session', { username, password: TEST_PASSWORD }, { csrf: false });
  expect(res.status).toBe(200);
  return client;
}

async function clientOf(username: string): Promise<AdminClient> {
  if (!clients.has(username)) clients.set(username, await freshClient(username));
  return clients.get(username)!;
}

async function heldBy(username: string) {
  const report = await makeReport({ status: 'claimed' });
  await ReportModel.updateOne({ _id: report._id }, { $set: { claimedBy: ids[username] } });
  return report;
}

async function reportWithMedia() {
  const report = await makeReport();
  const photo = Buffer.from('89504e470d0a1a0a', 'hex');
  const storageKey = await createFolderMediaStore(mediaDir, testCipher).put(photo);
  await ReportModel.updateOne({ _id: report._id }, { $push: { media: { kind: 'photo', mimeType: 'image/png', size: photo.length, sha256: 'x', storageKey } } });
  return report;
}

async function openCaseOf(username = 'a.worker') {
  const [_id, referralId] = [new Types.ObjectId(), new Types.ObjectId()];
  const enc = (path: string) => testCipher.encrypt('x', fieldOf(BOUND.cases, _id, elementField('referrals', referralId, path)));
  const kase = await CaseModel.create({
    _id, caseNumber: `KSS-2026-${String(Math.floor(Math.random() * 9000) + 1000)}`, openedBy: ids['a.desk'], caseManagerId: ids[username],
    referrals: [{ _id: referralId, partnerId: ids.partner, partnerName: 'UPTD PPA', reason: enc('reason'), authorisation: { kind: 'consent', by: ids[username], note: enc('authorisation.note') }, by: ids[username] }],
  });
  return kase;
}

/** An account an administrator created with a role that reads cases: it waits for a Koordinator. */
async function grantWaiting(username: string): Promise<string> {
  const admin = await clientOf('a.admin');
  await admin.postForm('/users', { username, displayName: 'Staf Baru', role: 'pekerja_sosial' });
  return String((await UserModel.findOne({ username }))!._id);
}

const newPartner = async () => (await PartnerModel.create({ name: `Mitra ${Math.random()}`, kind: 'lainnya' })).id;

const AUDITED: Record<string, Audited> = {
  'POST /login': { as: 'a.desk', action: 'user.sign_in', run: () => new AdminClient(admin.baseUrl).signIn('a.desk', TEST_PASSWORD) },
  'POST /api/session': {
    as: 'a.desk', action: 'user.sign_in',
    run: () => new AdminClient(admin.baseUrl).json('POST', '/api/session', { username: 'a.desk', password: TEST_PASSWORD }, { csrf: false }),
  },
  'POST /logout-everywhere': { as: 'a.leaver', action: 'user.sign_out_everywhere', run: (c) => c.postForm('/logout-everywhere', {}) },
  'POST /password': {
    as: 'a.changer', action: 'user.password_change',
    run: (c) => c.postForm('/password', { current: TEST_PASSWORD, password: 'another-long-password', confirm: 'another-long-password' }),
  },
  'POST /account/contact': { as: 'a.worker', action: 'user.contact_change', run: (c) => c.postForm('/account/contact', { telegramChatId: '123456', whatsappNumber: '' }) },
  'GET /reports/:id': { as: 'a.desk', action: 'report.view', run: async (c) => c.get(`/reports/${(await makeReport()).id}`) },
  'GET /api/reports/by-ticket/:ticket': { as: 'a.desk', action: 'report.view', run: async (c) => c.get(`/api/reports/by-ticket/${(await makeReport()).ticket}`) },
  'POST /reports/:id/reveal': { as: 'a.desk', action: 'report.reveal', run: async (c) => c.postForm(`/reports/${(await makeReport()).id}/reveal`, { reason: 'verifikasi' }) },
  'POST /api/reports/:id/reveal': { as: 'a.desk', action: 'report.reveal', run: async (c) => c.json('POST', `/api/reports/${(await makeReport()).id}/reveal`, { reason: 'verifikasi' }) },
  'GET /reports/:id/media/:index': {
    as: 'a.desk', action: 'report.media',
    run: async (c) => {
      const report = await reportWithMedia();
      await c.postForm(`/reports/${report.id}/reveal`, { reason: 'lihat foto' });
      return c.get(`/reports/${report.id}/media/0`);
    },
  },
  'GET /reports/:id/messages/:messageId/media': {
    as: 'a.desk', action: 'report.media',
    run: async (c) => {
      const report = await makeReport();
      const photo = Buffer.from('89504e470d0a1a0a', 'hex');
      const storageKey = await createFolderMediaStore(mediaDir, testCipher).put(photo);
      const _id = new Types.ObjectId();
      const message = await ReportMessageModel.create({
        _id, reportId: report._id, direction: 'in', text: testCipher.encrypt('', fieldOf(BOUND.reportMessages, _id, 'text')), by: 'reporter', status: 'received',
        media: { kind: 'photo', mimeType: 'image/png', size: photo.length, sha256: 'x', storageKey },
      });
      await c.postForm(`/reports/${report.id}/reveal`, { reason: 'lihat foto susulan' });
      return c.get(`/reports/${report.id}/messages/${message.id}/media`);
    },
  },
  'POST /reports/:id/claim': { as: 'a.desk', action: 'report.status', run: async (c) => c.postForm(`/reports/${(await makeReport()).id}/claim`, {}) },
  'POST /api/reports/:id/claim': { as: 'a.desk', action: 'report.status', run: async (c) => c.json('POST', `/api/reports/${(await makeReport()).id}/claim`, {}) },
  'POST /reports/:id/release': { as: 'a.desk', action: 'report.status', run: async (c) => c.postForm(`/reports/${(await heldBy('a.desk')).id}/release`, {}) },
  'POST /api/reports/:id/release': { as: 'a.desk', action: 'report.status', run: async (c) => c.json('POST', `/api/reports/${(await heldBy('a.desk')).id}/release`, {}) },
  'POST /reports/:id/reply': { as: 'a.desk', action: 'report.reply', run: async (c) => c.postForm(`/reports/${(await heldBy('a.desk')).id}/reply`, { text: 'Terima kasih, kami tindak lanjuti.' }) },
  'POST /reports/:id/reject': { as: 'a.desk', action: 'report.status', run: async (c) => c.postForm(`/reports/${(await heldBy('a.desk')).id}/reject`, { reason: 'pesan uji' }) },
  'POST /api/reports/:id/reject': { as: 'a.desk', action: 'report.status', run: async (c) => c.json('POST', `/api/reports/${(await heldBy('a.desk')).id}/reject`, { reason: 'pesan uji' }) },
  'POST /reports/:id/refer-out': {
    as: 'a.desk', action: 'report.status',
    run: async (c) => c.postForm(`/reports/${(await heldBy('a.desk')).id}/refer-out`, { destination: 'Dinas Kesehatan', reason: 'bukan wewenang unit' }),
  },
  'POST /reports/:id/merge': {
    as: 'a.data', action: 'report.status',
    run: async (c) => c.postForm(`/reports/${(await makeReport()).id}/merge`, { intoTicket: (await makeReport()).ticket, reason: 'laporan yang sama' }),
  },
  'POST /reports/:id/open-case': { as: 'a.desk', action: 'case.open', run: async (c) => c.postForm(`/reports/${(await heldBy('a.desk')).id}/open-case`, {}) },
  'POST /api/reports/:id/open-case': { as: 'a.desk', action: 'case.open', run: async (c) => c.json('POST', `/api/reports/${(await heldBy('a.desk')).id}/open-case`, {}) },
  'POST /reports/:id/attach-case': {
    as: 'a.desk', action: 'report.status',
    run: async (c) => c.postForm(`/reports/${(await heldBy('a.desk')).id}/attach-case`, { caseNumber: (await openCaseOf()).caseNumber }),
  },
  'POST /reports/:id/block-sender': { as: 'a.desk', action: 'sender.block', run: async (c) => c.postForm(`/reports/${(await makeReport()).id}/block-sender`, { reason: 'spam berulang', days: '7' }) },
  'POST /reports/:id/unblock-sender': {
    as: 'a.desk', action: 'sender.unblock',
    run: async (c) => {
      const report = await makeReport();
      await c.postForm(`/reports/${report.id}/block-sender`, { reason: 'spam berulang', days: '7' });
      return c.postForm(`/reports/${report.id}/unblock-sender`, { reason: 'salah blokir' });
    },
  },
  'POST /reports-new': {
    as: 'a.desk', action: 'report.register',
    run: (c) => c.postForm('/reports-new', {
      channel: 'walk_in', anonymous: 'yes', immediateDanger: 'no', category: 'penelantaran', description: 'Anak sering ditinggal sendiri.',
      ageBand: '0-5', sex: 'laki_laki', perpetratorRelation: 'orang_tua', ongoing: 'yes',
    }),
  },
  'GET /cases/:id': { as: 'a.worker', action: 'case.view', run: async (c) => c.get(`/cases/${(await openCaseOf()).id}`) },
  'GET /api/cases/:id': { as: 'a.worker', action: 'case.view', run: async (c) => c.get(`/api/cases/${(await openCaseOf()).id}`) },
  'POST /cases/:id/assign': { as: 'a.kasi', action: 'case.assign', run: async (c) => c.postForm(`/cases/${(await openCaseOf()).id}/assign`, { field: 'caseManagerId', userId: ids['a.spare']! }) },
  'POST /cases/:id/referrals': {
    as: 'a.worker', action: 'case.referral',
    run: async (c) => c.postForm(`/cases/${(await openCaseOf()).id}/referrals`, { partnerId: ids.partner!, reason: 'pemeriksaan', authKind: 'consent', authNote: 'ibu setuju' }),
  },
  'POST /api/cases/:id/referrals': {
    as: 'a.worker', action: 'case.referral',
    run: async (c) => c.json('POST', `/api/cases/${(await openCaseOf()).id}/referrals`, { partnerId: ids.partner, reason: 'pemeriksaan', authKind: 'consent', authNote: 'ibu setuju' }),
  },
  'POST /cases/:id/referrals/:rid': {
    as: 'a.worker', action: 'case.referral_status',
    run: async (c) => {
      const kase = await openCaseOf();
      return c.postForm(`/cases/${kase.id}/referrals/${String(kase.referrals[0]!._id)}`, { status: 'accepted' });
    },
  },
  'POST /cases/:id/plan': { as: 'a.worker', action: 'case.plan', run: async (c) => c.postForm(`/cases/${(await openCaseOf()).id}/plan`, { assessment: 'Asesmen awal: anak aman di rumah nenek.' }) },
  'POST /cases/:id/notes': { as: 'a.worker', action: 'case.note', run: async (c) => c.postForm(`/cases/${(await openCaseOf()).id}/notes`, { text: 'Rapat kasus dengan UPTD PPA.' }) },
  'POST /api/cases/:id/notes': { as: 'a.worker', action: 'case.note', run: async (c) => c.json('POST', `/api/cases/${(await openCaseOf()).id}/notes`, { text: 'Rapat kasus dengan UPTD PPA.' }) },
  'POST /cases/:id/monitoring': {
    as: 'a.worker', action: 'case.monitoring',
    run: async (c) => c.postForm(`/cases/${(await openCaseOf()).id}/monitoring`, { kind: 'health', note: 'Kontrol ke puskesmas.', nextDueAt: '' }),
  },
  'POST /cases/:id/transition': { as: 'a.worker', action: 'case.transition', run: async (c) => c.postForm(`/cases/${(await openCaseOf()).id}/transition`, { to: 'planning' }) },
  'POST /api/cases/:id/transition': { as: 'a.worker', action: 'case.transition', run: async (c) => c.json('POST', `/api/cases/${(await openCaseOf()).id}/transition`, { to: 'planning' }) },
  'POST /cases/:id/reveal': {
    as: 'a.worker', action: 'report.reveal',
    run: async (c) => {
      const kase = await openCaseOf();
      await CaseModel.updateOne({ _id: kase._id }, { $set: { reportIds: [(await makeReport())._id] } });
      return c.postForm(`/cases/${kase.id}/reveal`, { reason: 'asesmen awal' });
    },
  },
  'POST /cases/:id/termination-request': {
    as: 'a.worker', action: 'case.termination_request',
    run: async (c) => c.postForm(`/cases/${(await openCaseOf()).id}/termination-request`, { closingSummary: 'Keluarga pindah ke luar kabupaten.' }),
  },
  'POST /cases/:id/approve-termination': {
    as: 'a.kasi', action: 'case.transition',
    run: async (c) => {
      const kase = await openCaseOf();
      await CaseModel.updateOne({ _id: kase._id }, { $set: { terminationRequest: { closingSummary: testCipher.encrypt('Keluarga pindah ke luar kabupaten.', fieldOf(BOUND.cases, kase._id, 'terminationRequest.closingSummary')), by: ids['a.worker'], at: new Date() } } });
      return c.postForm(`/cases/${kase.id}/approve-termination`, { note: 'Disetujui rapat seksi' });
    },
  },
  'POST /partners': { as: 'a.kord', action: 'partner.create', run: (c) => c.postForm('/partners', { name: 'Puskesmas Ipuh', kind: 'kesehatan' }) },
  'POST /partners/:id': { as: 'a.kord', action: 'partner.update', run: async (c) => c.postForm(`/partners/${await newPartner()}`, { name: 'Puskesmas Ipuh II', kind: 'kesehatan' }) },
  'POST /partners/:id/deactivate': { as: 'a.kord', action: 'partner.deactivate', run: async (c) => c.postForm(`/partners/${await newPartner()}/deactivate`, {}) },
  'POST /oncall': {
    as: 'a.kasidata', action: 'oncall.add',
    run: (c) => c.postForm('/oncall', { userId: ids['a.oncall']!, role: 'petugas_on_call', from: '2026-12-01T08:00', to: '2026-12-01T20:00', channel: 'telegram', address: '123456789' }),
  },
  'POST /oncall/:id/delete': {
    as: 'a.kasidata', action: 'oncall.remove',
    run: async (c) => {
      const _id = new Types.ObjectId();
      const address = testCipher.encrypt('123456789', fieldOf(BOUND.onCallShifts, _id, 'address'));
      const shift = await OnCallShiftModel.create({ _id, userId: ids['a.oncall'], role: 'petugas_on_call', from: new Date(), to: new Date(Date.now() + 3600_000), channel: 'telegram', address });
      return c.postForm(`/oncall/${shift.id}/delete`, {});
    },
  },
  'GET /alerts/:id': {
    as: 'a.oncall', action: 'alert.ack',
    run: async (c) => {
      const report = await makeReport({ priority: 'P1' });
      const alert = await AlertModel.create({ idempotencyKey: `report-${report.id}-L0`, subject: `report-${report.id}`, kind: 'report', reportId: report._id, level: 0, recipientRole: 'petugas_on_call', text: 'P1 baru', status: 'sent' });
      return c.get(`/alerts/${alert.id}`);
    },
  },
  'POST /alerts/:id/ack': {
    as: 'a.oncall', action: 'alert.ack',
    run: async (c) => {
      const report = await makeReport({ priority: 'P1' });
      const alert = await AlertModel.create({ idempotencyKey: `report-${report.id}-L0`, subject: `report-${report.id}`, kind: 'report', reportId: report._id, level: 0, recipientRole: 'petugas_on_call', text: 'P1 baru', status: 'no_recipient' });
      return c.postForm(`/alerts/${alert.id}/ack`, {});
    },
  },
  'POST /users': { as: 'a.admin', action: 'user.create', run: (c) => c.postForm('/users', { username: 'a.newcomer', displayName: 'Staf Baru', role: 'pekerja_sosial' }) },
  'POST /users/:id/reset': { as: 'a.admin', action: 'user.reset_password', run: (c) => c.postForm(`/users/${ids['a.spare2']}/reset`, {}) },
  'POST /users/:id/active': { as: 'a.admin', action: 'user.deactivate', run: (c) => c.postForm(`/users/${ids['a.spare2']}/active`, { active: 'no' }) },
  'POST /grants/:id/approve': {
    as: 'a.kord', action: 'user.grant_approved',
    run: async (c) => c.postForm(`/grants/${await grantWaiting('a.grant1')}/approve`, {}),
  },
  'POST /grants/:id/refuse': {
    as: 'a.kord', action: 'user.grant_refused',
    run: async (c) => c.postForm(`/grants/${await grantWaiting('a.grant2')}/refuse`, { reason: 'bukan pegawai unit' }),
  },
  'GET /retention': { as: 'a.kord', action: 'retention.dry_run', run: (c) => c.get('/retention') },
  'GET /exports/quarterly.csv': { as: 'a.data', action: 'export.quarterly_csv', run: (c) => c.get('/exports/quarterly.csv?reason=rapat+koordinasi') },
  'GET /exports/quarterly.xlsx': { as: 'a.data', action: 'export.quarterly_xlsx', run: (c) => c.get('/exports/quarterly.xlsx?reason=rapat+koordinasi') },
  'GET /exports/simfoni.csv': { as: 'a.data', action: 'export.simfoni_csv', run: (c) => c.get('/exports/simfoni.csv?reason=rapat+koordinasi') },
  'GET /whatsapp': {
    as: 'a.admin', action: 'whatsapp.login_qr_view',
    run: async (c) => {
      await storeWhatsappLoginQr(admin.redis, admin.config.redis.prefix, '2@qr-for-tests');
      return c.get('/whatsapp');
    },
  },
};

function registeredRoutes(): string[] {
  const app = createAdminApp({ config: loadConfig(), redis: admin.redis });
  const stack = (app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router.stack;
  return stack.flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`) : []));
}

const eventsOf = (username: string, action: string) => AuditEventModel.countDocuments({ actorName: username, action });

beforeAll(async () => {
  await Promise.all([UserModel.init(), ReportModel.init(), CaseModel.init(), AuditEventModel.init(), PartnerModel.init(), AlertModel.init(), OnCallShiftModel.init()]);
  const made = createQueues({ url: TEST_REDIS_URL }, queuePrefix, ['outbound', 'reports']);
  queues = Object.values(made) as Queue[];
  admin = await startAdminApp('auditwalk', db.uri, { queues: made }, { MEDIA_DIR: mediaDir });
  for (const [username, role] of USERS) ids[username] = (await makeUser(role, username)).id;
  ids.partner = (await PartnerModel.create({ name: 'UPTD PPA', kind: 'uptd_ppa' })).id;
});
afterAll(async () => {
  for (const q of queues) {
    await q.obliterate({ force: true });
    await q.close();
  }
  await admin.close();
});

describe('every route of the admin app is audited, or listed as carrying no personal data', () => {
  it('names every registered route exactly once', () => {
    const listed = [...Object.keys(NO_PERSONAL_DATA), ...Object.keys(AUDITED)];
    expect(new Set(listed).size).toBe(listed.length);
    expect(registeredRoutes().sort()).toEqual(listed.sort());
    for (const reason of Object.values(NO_PERSONAL_DATA)) expect(reason.length).toBeGreaterThan(5);
  });

  it.each(Object.keys(AUDITED))('%s records its audit event, and answers no-store', async (route) => {
    const { as, action, run } = AUDITED[route]!;
    const client = await clientOf(as);
    const before = await eventsOf(as, action);
    const res = await run(client);
    expect([route, res.status]).toEqual([route, expect.any(Number)]);
    expect(res.status).toBeLessThan(400);
    expect([route, await eventsOf(as, action)]).toEqual([route, before + 1]);
    expect([route, res.headers.get('cache-control')]).toEqual([route, 'no-store']);
  });

  it('records each view of a report whose personal fields are revealed as such, within the reveal window', async () => {
    const desk = await clientOf('a.desk');
    const report = await makeReport();
    expect((await desk.postForm(`/reports/${report.id}/reveal`, { reason: 'verifikasi' })).status).toBe(303);
    for (let i = 0; i < 2; i++) expect((await desk.get(`/reports/${report.id}`)).text).toContain('Putri');
    expect(await AuditEventModel.countDocuments({ subjectId: report.id, action: 'report.view_revealed', actorName: 'a.desk' })).toBe(2);
  });

  it('answers the lists and the API with no-store as well', async () => {
    const desk = await clientOf('a.desk');
    for (const page of ['/intake', '/intake/rows', '/api/intake', '/partners', '/password']) {
      expect([page, (await desk.get(page)).headers.get('cache-control')]).toEqual([page, 'no-store']);
    }
  });
});

describe('the queue board (bull-board)', () => {
  it('records every action that changes a queue; reading the board records nothing', async () => {
    const kord = await clientOf('a.kord');
    const reads = await eventsOf('a.kord', 'queue.action');
    expect((await kord.get('/queues/api/queues')).status).toBe(200);
    expect(await eventsOf('a.kord', 'queue.action')).toBe(reads);
    const outbound = queues.find((q) => q.name === 'outbound')!;
    for (const [method, where] of [['PUT', `/queues/api/queues/${outbound.name}/pause`], ['PUT', `/queues/api/queues/${outbound.name}/retry/failed`], ['PUT', `/queues/api/queues/${outbound.name}/empty`]] as const) {
      const res = await kord.json(method, where, {});
      expect([where, res.status]).toEqual([where, 200]);
    }
    const events = await AuditEventModel.find({ actorName: 'a.kord', action: 'queue.action' }).sort({ at: 1 }).lean();
    expect(events.map((e) => [e.subjectType, e.subjectId, (e.details as { path: string }).path])).toEqual([
      ['queue', 'outbound', '/api/queues/outbound/pause'],
      ['queue', 'outbound', '/api/queues/outbound/retry/failed'],
      ['queue', 'outbound', '/api/queues/outbound/empty'],
    ]);
  });
});
