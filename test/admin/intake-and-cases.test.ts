import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Types } from 'mongoose';
import { createFolderMediaStore } from '../../src/reports/media-store';
import { activeBlockFor } from '../../src/reports/sender-blocks';
import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { CaseModel } from '../../src/db/models/case.model';
import { PartnerModel } from '../../src/db/models/partner.model';
import { ReportMessageModel } from '../../src/db/models/report-message.model';
import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import { createQueues } from '../../src/queue/queues';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { makeReport, testCipher } from '../factories/reports';
import { makeUser, TEST_PASSWORD } from '../factories/users';

const isBlocked = async (reporterHash: string, at?: Date) => (await activeBlockFor(reporterHash, at)) !== null;

const db = useTestDatabase('intake');
let admin: RunningAdmin;
let outbound: Queue;
let reportsQueue: Queue;
const prefix = uniquePrefix('intake-q');
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lapor-media-'));

async function signedIn(username: string) {
  const client = new AdminClient(admin.baseUrl);
  const res = await client.json('POST', '/api/session', { username, password: TEST_PASSWORD }, { csrf: false });
  expect(res.status).toBe(200);
  return client;
}

beforeAll(async () => {
  await Promise.all([UserModel.init(), ReportModel.init(), CaseModel.init(), AuditEventModel.init(), PartnerModel.init(), ReportMessageModel.init()]);
  const queues = createQueues({ url: TEST_REDIS_URL }, prefix, ['outbound', 'reports']);
  outbound = queues.outbound!;
  reportsQueue = queues.reports!;
  admin = await startAdminApp('intake', db.uri, { queues }, { MEDIA_DIR: mediaDir });
  await makeUser('penerima_pengaduan', 'rina');
  await makeUser('penerima_pengaduan', 'dewi');
  await makeUser('pekerja_sosial', 'budi');
  await makeUser('pekerja_sosial', 'andi');
  await makeUser('kepala_seksi_pelayanan', 'kasi');
  await makeUser('koordinator', 'kord');
});
afterAll(async () => {
  for (const q of [outbound, reportsQueue]) {
    await q.obliterate({ force: true });
    await q.close();
  }
  await admin.close();
});

describe('the intake queue', () => {
  it('lists queued reports by priority, then the SLA that runs out first, without personal fields', async () => {
    const now = Date.now();
    const p3 = await makeReport({ priority: 'P3', receivedAt: new Date(now - 60_000) });
    const p1 = await makeReport({ priority: 'P1', receivedAt: new Date(now - 1000) });
    const p2late = await makeReport({ priority: 'P2', receivedAt: new Date(now - 1000) });
    const p2early = await makeReport({ priority: 'P2', receivedAt: new Date(now - 3600_000) });
    const rina = await signedIn('rina');
    const { json } = await rina.get('/api/intake');
    const tickets = json.items.map((i: { ticket: string }) => i.ticket);
    expect(tickets.indexOf(p1.ticket)).toBeLessThan(tickets.indexOf(p2early.ticket));
    expect(tickets.indexOf(p2early.ticket)).toBeLessThan(tickets.indexOf(p2late.ticket));
    expect(tickets.indexOf(p2late.ticket)).toBeLessThan(tickets.indexOf(p3.ticket));
    expect(Object.keys(json.items[0])).toEqual(expect.arrayContaining(['id', 'ticket', 'priority', 'status', 'category', 'receivedAt', 'slaDueAt']));
    expect(JSON.stringify(json)).not.toContain('enc:v');

    const filtered = await rina.get('/api/intake?priority=P1');
    expect(filtered.json.items.map((i: { ticket: string }) => i.ticket)).toEqual([p1.ticket]);
    const page = await rina.get('/intake?priority=P3');
    expect(page.text).toContain(p3.ticket);
    expect(page.text).not.toContain(p1.ticket);
  });

  it('lets exactly one of two receptionists claim a report; the other hears who holds it', async () => {
    const report = await makeReport();
    const [rina, dewi] = [await signedIn('rina'), await signedIn('dewi')];
    const answers = await Promise.all([rina, dewi].map((c) => c.json('POST', `/api/reports/${report.id}/claim`, {})));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409]);
    const loser = answers.find((a) => a.status === 409)!;
    expect(loser.json.heldBy).toMatch(/Test penerima_pengaduan \((rina|dewi)\)/);
    const stored = await ReportModel.findById(report.id);
    expect(stored!.status).toBe('claimed');
    expect(stored!.events.filter((e) => e.type === 'status')).toHaveLength(1);
  });

  it('stays exclusive under a burst of simultaneous claims, and one double-clicked "open case" opens one case', async () => {
    const [rina, dewi] = [await signedIn('rina'), await signedIn('dewi')];
    for (let round = 0; round < 5; round++) {
      const report = await makeReport();
      const answers = await Promise.all([rina, dewi, rina, dewi].map((c) => c.json('POST', `/api/reports/${report.id}/claim`, {})));
      const winners = new Set(answers.filter((a) => a.status === 200).map((a) => a.json.id && answers.indexOf(a) % 2));
      expect(winners.size).toBe(1);
      const holder = [rina, dewi][[...winners][0] as number]!;
      const opened = await Promise.all([1, 2, 3].map(() => holder.json('POST', `/api/reports/${report.id}/open-case`, {})));
      expect(opened.map((o) => o.status).sort()).toEqual([201, 409, 409]);
      expect(await CaseModel.countDocuments({ reportIds: report._id })).toBe(1);
    }
  });

  it('reveals personal fields only with a reason, and audits who, why and when', async () => {
    const report = await makeReport({ description: 'Anak dipukul <b>setiap</b> malam', childName: 'Ayu' });
    const rina = await signedIn('rina');
    const before = await rina.get(`/reports/${report.id}`);
    expect(before.text).not.toContain('Ayu');
    expect(before.text).toContain('tersembunyi');
    expect((await rina.postForm(`/reports/${report.id}/reveal`, { reason: '' })).status).toBe(303);
    expect((await rina.get(`/reports/${report.id}`)).text).not.toContain('Ayu');
    await rina.postForm(`/reports/${report.id}/reveal`, { reason: 'verifikasi sebelum asesmen' });
    const after = await rina.get(`/reports/${report.id}`);
    expect(after.text).toContain('Ayu');
    expect(after.text).toContain('Anak dipukul &lt;b&gt;setiap&lt;/b&gt; malam');
    const audit = await AuditEventModel.find({ subjectId: report.id, action: 'report.reveal' }).lean();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorName: 'rina', actorRole: 'penerima_pengaduan', reason: 'verifikasi sebelum asesmen' });
    expect(audit[0]!.at).toBeInstanceOf(Date);
  });

  it('rejects, refers out and merges only with a reason, each audited as a status change', async () => {
    const rina = await signedIn('rina');
    const [spam, elsewhere, dup, original] = await Promise.all([makeReport(), makeReport(), makeReport(), makeReport()]);
    for (const r of [spam, elsewhere, dup]) expect((await rina.json('POST', `/api/reports/${r.id}/claim`, {})).status).toBe(200);
    await rina.get('/intake');
    await rina.postForm(`/reports/${spam.id}/reject`, { reason: 'pesan uji coba' });
    await rina.postForm(`/reports/${elsewhere.id}/refer-out`, { destination: 'Dinas Sosial Provinsi', reason: 'korban dewasa' });
    await rina.postForm(`/reports/${dup.id}/merge`, { intoTicket: original.ticket, reason: 'pelapor sama' });
    const statuses = await ReportModel.find({ _id: { $in: [spam._id, elsewhere._id, dup._id] } }, { status: 1 }).lean();
    expect(statuses.map((s) => s.status).sort()).toEqual(['merged', 'referred_out', 'rejected']);
    const audit = await AuditEventModel.find({ action: 'report.status', subjectId: { $in: [spam.id, elsewhere.id, dup.id] }, 'details.to': { $ne: 'claimed' } }).lean();
    expect(audit.map((a) => [a.actorName, a.details.to, a.reason]).sort()).toEqual([
      ['rina', 'merged', `duplikat dari ${original.ticket}: pelapor sama`],
      ['rina', 'referred_out', 'Dinas Sosial Provinsi: korban dewasa'],
      ['rina', 'rejected', 'pesan uji coba'],
    ]);
  });

  it('streams media only to a signed-in, allowed user after a reveal, decrypted, and audits it', async () => {
    const photo = Buffer.from('\x89PNG fake photo bytes');
    const storageKey = await createFolderMediaStore(mediaDir, testCipher).put(photo);
    const report = await makeReport();
    await ReportModel.updateOne({ _id: report._id }, { $push: { media: { kind: 'photo', mimeType: 'image/png', size: photo.length, sha256: 'x', storageKey } } });
    expect((await new AdminClient(admin.baseUrl).get(`/reports/${report.id}/media/0`)).location).toMatch(/^\/login/);
    expect((await (await signedIn('budi')).get(`/reports/${report.id}/media/0`)).status).toBe(403);
    const rina = await signedIn('rina');
    expect((await rina.get(`/reports/${report.id}/media/0`)).status).toBe(403);
    await rina.get(`/reports/${report.id}`);
    await rina.postForm(`/reports/${report.id}/reveal`, { reason: 'lihat bukti foto' });
    const res = await fetch(`${admin.baseUrl}/reports/${report.id}/media/0`, { headers: { cookie: rina.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(photo);
    expect(await AuditEventModel.countDocuments({ subjectId: report.id, action: 'report.media', actorName: 'rina' })).toBe(1);
  });

  it('blocks a sender for a while with a reason, unblocks, and audits both', async () => {
    const report = await makeReport();
    const rina = await signedIn('rina');
    await rina.get(`/reports/${report.id}`);
    expect(await isBlocked(report.reporterHash)).toBe(false);
    await rina.postForm(`/reports/${report.id}/block-sender`, { reason: 'pesan kasar berulang', days: '7' });
    expect(await isBlocked(report.reporterHash)).toBe(true);
    expect(await isBlocked(report.reporterHash, new Date(Date.now() + 8 * 86_400_000))).toBe(false);
    expect((await rina.get(`/reports/${report.id}`)).text).toContain('pesan kasar berulang');
    await rina.postForm(`/reports/${report.id}/unblock-sender`, { reason: 'salah orang' });
    expect(await isBlocked(report.reporterHash)).toBe(false);
    const audit = await AuditEventModel.find({ subjectType: 'sender' }).sort({ at: 1 }).lean();
    expect(audit.map((a) => [a.actorName, a.action, a.reason])).toEqual([
      ['rina', 'sender.block', 'pesan kasar berulang'],
      ['rina', 'sender.unblock', 'salah orang'],
    ]);
    expect(JSON.stringify(audit)).not.toContain(report.reporterHash);
  });

  it('registers a walk-in complaint through the same schema and storage as chat, encrypted, and queues its triage', async () => {
    const rina = await signedIn('rina');
    await rina.get('/reports-new');
    const fields = {
      channel: 'walk_in', anonymous: 'no', reporterRole: 'teacher_school', reporterName: 'Bu Guru Rahma', contactPhone: '0812 3456 789',
      immediateDanger: 'no', category: 'penelantaran', description: 'Murid sering datang tanpa makan.', ageBand: '6-12', sex: 'laki_laki',
      childName: 'Bima', perpetratorRelation: 'orang_tua', kecamatan: 'Ipuh', desa: 'Pulai Payung', placeType: 'rumah_tangga',
      occurredWhen: 'sejak Agustus', ongoing: 'yes',
    };
    expect((await rina.postForm('/reports-new', { ...fields, kecamatan: 'Atlantis' })).location).toBe('/reports-new');
    expect((await rina.postForm('/reports-new', { ...fields, description: '' })).location).toBe('/reports-new');
    const res = await rina.postForm('/reports-new', fields);
    const id = res.location.split('/').pop()!;
    const stored = await ReportModel.findById(id).lean();
    expect(stored).toMatchObject({ channel: 'walk_in', status: 'received', category: 'penelantaran', contactMethod: 'other_number' });
    expect(stored!.description).toMatch(/^enc:v2:/);
    expect(testCipher.decrypt(stored!.contactPhone!, fieldOf(BOUND.reports, stored!._id, 'contactPhone'))).toBe('0812 3456 789');
    expect((await rina.get(res.location)).text).toContain(`tiket ${stored!.ticket}`);
    expect(await AuditEventModel.countDocuments({ action: 'report.register', subjectId: id, actorName: 'rina' })).toBe(1);
    expect((await reportsQueue.getJob(`triage-${id}`))?.data).toEqual({ reportId: id });
  });

  it("offers only the approved template once WhatsApp's 24-hour window has closed", async () => {
    const report = await makeReport({ receivedAt: new Date(Date.now() - 30 * 3600_000) });
    await ReportModel.updateOne({ _id: report._id }, { $set: { channel: 'whatsapp_cloud' } });
    const rina = await signedIn('rina');
    const page = await rina.get(`/reports/${report.id}`);
    expect(page.text).toContain('Hanya template yang dapat dikirim');
    await rina.postForm(`/reports/${report.id}/reply`, { text: 'Halo, bagaimana kabar anaknya?' });
    expect(await ReportMessageModel.countDocuments({ reportId: report._id })).toBe(0);
    await rina.postForm(`/reports/${report.id}/reply`, { template: 'yes' });
    const [message] = await ReportMessageModel.find({ reportId: report._id }).lean();
    expect(testCipher.decrypt(message!.text, fieldOf(BOUND.reportMessages, message!._id, 'text'))).toBe(`Ada kabar baru tentang laporan ${report.ticket}. Balas pesan ini untuk membaca balasan petugas.`);

    // The reporter wrote again an hour ago: free-form replies are allowed again until 24 hours after that.
    const inId = new Types.ObjectId();
    await ReportMessageModel.create({ _id: inId, reportId: report._id, direction: 'in', text: testCipher.encrypt('halo', fieldOf(BOUND.reportMessages, inId, 'text')), by: 'reporter', status: 'received', at: new Date(Date.now() - 3600_000) });
    expect((await rina.get(`/reports/${report.id}`)).text).toContain('balasan bebas dapat dikirim sampai');
  });

  it('queues a staff reply as ids only; the text is stored encrypted', async () => {
    const report = await makeReport();
    const rina = await signedIn('rina');
    await rina.get(`/reports/${report.id}`);
    await rina.postForm(`/reports/${report.id}/reply`, { text: 'Terima kasih, kami segera menindaklanjuti.' });
    const jobs = await outbound.getJobs(['waiting', 'delayed', 'prioritized']);
    const job = jobs.find((j) => j.data.reportId === report.id)!;
    expect(job.name).toBe('staff_reply');
    expect(Object.keys(job.data).sort()).toEqual(['messageId', 'reportId']);
    const message = await ReportMessageModel.findById(job.data.messageId).lean();
    expect(message!.text).toMatch(/^enc:v2:/);
    expect(testCipher.decrypt(message!.text, fieldOf(BOUND.reportMessages, message!._id, 'text'))).toBe('Terima kasih, kami segera menindaklanjuti.');
  });
});

describe('queue operations board', () => {
  it('is open to the Koordinator and closed (403) to a receptionist', async () => {
    const kord = await signedIn('kord');
    const board = await kord.get('/queues');
    expect(board.status).toBe(200);
    const api = await kord.get('/queues/api/queues?activeQueue=outbound&page=1&jobsPerPage=10');
    expect(api.status).toBe(200);
    expect(api.json.queues.map((q: { name: string }) => q.name)).toContain('outbound');
    expect((await (await signedIn('rina')).get('/queues')).status).toBe(403);
    expect((await new AdminClient(admin.baseUrl).get('/queues')).location).toMatch(/^\/login/);
  });
});

describe('from report to terminasi', () => {
  it('opens a case, assigns it, refers, notes, and terminates only with a summary and consent', async () => {
    const report = await makeReport({ priority: 'P1' });
    const rina = await signedIn('rina');
    await rina.json('POST', `/api/reports/${report.id}/claim`, {});
    const opened = await rina.json('POST', `/api/reports/${report.id}/open-case`, {});
    expect(opened.status).toBe(201);
    expect(opened.json.caseNumber).toMatch(/^KSS-\d{4}-\d{4}$/);
    const again = await rina.json('POST', `/api/reports/${report.id}/open-case`, {});
    expect(again.status).toBe(409);
    const caseId = opened.json.caseId as string;

    const budi = await signedIn('budi');
    expect((await budi.get(`/api/cases/${caseId}`)).status).toBe(403);

    const kasi = await signedIn('kasi');
    const budiUser = await UserModel.findOne({ username: 'budi' });
    await kasi.get(`/cases/${caseId}`);
    await kasi.postForm(`/cases/${caseId}/assign`, { field: 'caseManagerId', userId: budiUser!.id, reason: 'wilayah Ipuh' });
    expect((await CaseModel.findById(caseId))!.caseManagerId).toBe(budiUser!.id);
    expect((await budi.get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await (await signedIn('andi')).get(`/api/cases/${caseId}`)).status).toBe(403);
    expect((await budi.get('/cases')).text).toContain(opened.json.caseNumber);

    const partner = await PartnerModel.create({ name: 'Puskesmas Ipuh', kind: 'kesehatan' });
    const refer = await budi.json('POST', `/api/cases/${caseId}/referrals`, { partnerId: partner.id, reason: 'pemeriksaan luka', authKind: 'consent', authNote: 'ibu kandung, lisan' });
    expect(refer.status).toBe(200);
    const selfApproved = await budi.json('POST', `/api/cases/${caseId}/referrals`, { partnerId: partner.id, reason: 'visum', authKind: 'supervisor_approval', authNote: 'saya sendiri' });
    expect(selfApproved.status).toBe(400);
    expect((await budi.json('POST', `/api/cases/${caseId}/notes`, { text: 'Konferensi kasus pertama: rencana layanan disepakati.' })).status).toBe(200);

    await budi.get(`/cases/${caseId}`);
    await budi.postForm(`/cases/${caseId}/plan`, { assessment: 'Luka memar; anak takut pulang.', servicePlan: 'Visum, pendampingan psikolog.' });
    await budi.postForm(`/cases/${caseId}/monitoring`, { kind: 'health', note: 'Luka membaik.', nextDueAt: '2026-12-15' });
    const planned = await CaseModel.findById(caseId).lean();
    expect(planned!.assessment).toMatch(/^enc:v2:/);
    expect(planned!.monitoring[0]).toMatchObject({ kind: 'health', nextDueAt: new Date('2026-12-15T00:00:00Z') });
    const page = await budi.get(`/cases/${caseId}`);
    expect(page.text).toContain('Luka memar; anak takut pulang.');
    expect(page.text).toContain('Luka membaik.');

    const skip = await budi.json('POST', `/api/cases/${caseId}/transition`, { to: 'in_service' });
    expect(skip.status).toBe(409);
    expect((await budi.json('POST', `/api/cases/${caseId}/transition`, { to: 'planning' })).status).toBe(200);
    const noSummary = await budi.json('POST', `/api/cases/${caseId}/transition`, { to: 'terminated', authKind: 'consent', authNote: 'ibu kandung' });
    expect(noSummary.status).toBe(400);
    const done = await budi.json('POST', `/api/cases/${caseId}/transition`, { to: 'terminated', closingSummary: 'Anak aman, keluarga didampingi.', authKind: 'consent', authNote: 'ibu kandung, tertulis' });
    expect(done.status).toBe(200);

    const kase = await CaseModel.findById(caseId).lean();
    expect(kase!.status).toBe('terminated');
    expect(kase!.closingSummary).toMatch(/^enc:v2:/);
    expect(kase!.referrals[0]!.reason).toMatch(/^enc:v2:/);
    expect(kase!.conferenceNotes).toHaveLength(1);
    const view = await budi.get(`/api/cases/${caseId}`);
    expect(view.json.closingSummary).toBe('Anak aman, keluarga didampingi.');

    const transitions = await AuditEventModel.find({ subjectId: caseId, action: 'case.transition' }).sort({ at: 1 }).lean();
    expect(transitions.map((t) => [t.actorName, t.details.to, t.reason ?? null])).toEqual([
      ['budi', 'planning', null],
      ['budi', 'terminated', 'consent'],
    ]);
    const kord = await signedIn('kord');
    const log = await kord.get(`/audit?subjectId=${caseId}`);
    expect(log.text).toContain('case.transition');
    expect(log.text).toContain('case.referral');
  });
});
