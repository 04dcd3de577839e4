import { AlertModel } from '../../src/db/models/alert.model';
import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { OnCallShiftModel } from '../../src/db/models/on-call-shift.model';
import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { makeReport, testCipher } from '../factories/reports';
import { makeUser, TEST_PASSWORD } from '../factories/users';

const db = useTestDatabase('oncall');
let admin: RunningAdmin;

beforeAll(async () => {
  await Promise.all([UserModel.init(), ReportModel.init(), AlertModel.init(), OnCallShiftModel.init(), AuditEventModel.init()]);
  admin = await startAdminApp('oncall', db.uri);
});
afterAll(() => admin.close());

describe('on call', () => {
  it('the Kepala Seksi Data keeps the roster; the address is stored encrypted', async () => {
    await makeUser('kepala_seksi_data', 'kasidata');
    const piket = await makeUser('petugas_on_call', 'piket1');
    const kasi = new AdminClient(admin.baseUrl);
    await kasi.signIn('kasidata', TEST_PASSWORD);
    await kasi.get('/oncall');
    const bad = await kasi.postForm('/oncall', { userId: piket.id, role: 'petugas_on_call', from: '2026-12-01T08:00', to: '2026-12-01T07:00', channel: 'telegram', address: '5550001' });
    expect(bad.status).toBe(303);
    expect(await OnCallShiftModel.countDocuments()).toBe(0);
    await kasi.postForm('/oncall', { userId: piket.id, role: 'petugas_on_call', from: '2099-12-01T08:00', to: '2099-12-02T08:00', channel: 'telegram', address: '5550001' });
    const shift = await OnCallShiftModel.findOne().lean();
    expect(shift!.from.toISOString()).toBe('2099-12-01T01:00:00.000Z');
    expect(testCipher.decrypt(shift!.address, fieldOf(BOUND.onCallShifts, shift!._id, 'address'))).toBe('5550001');
    expect((await kasi.get('/oncall')).text).toContain('Test petugas_on_call');
  });

  it('the roster says, before any alert, which levels nobody covers now', async () => {
    await makeUser('kepala_seksi_data', 'kasi.roster');
    const piket = await makeUser('petugas_on_call', 'piket.roster');
    const kasi = new AdminClient(admin.baseUrl);
    await kasi.signIn('kasi.roster', TEST_PASSWORD);
    await OnCallShiftModel.deleteMany({});
    const empty = (await kasi.get('/oncall')).text;
    expect(empty).toMatch(/id="nobody-on-call"[^>]*><strong>Saat ini tidak ada yang terjadwal sebagai Petugas piket \(on call\), Kepala Seksi Data, Informasi dan Pengaduan, Koordinator\.<\/strong>/);
    await OnCallShiftModel.create({ userId: piket.id, role: 'petugas_on_call', from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 3600_000), channel: 'telegram', address: 'x' });
    const covered = (await kasi.get('/oncall')).text;
    expect(covered).not.toContain('Petugas piket (on call),');
    expect(covered).toMatch(/tidak ada yang terjadwal sebagai Kepala Seksi Data, Informasi dan Pengaduan, Koordinator\./);
    await OnCallShiftModel.deleteMany({});
  });

  it("opening an alert's link signs in first, then acknowledges it and shows the report", async () => {
    const worker = await makeUser('petugas_on_call', 'piket2');
    const report = await makeReport({ priority: 'P1' });
    const alert = await AlertModel.create({ idempotencyKey: `report-${report.id}-L0`, subject: `report-${report.id}`, kind: 'report', reportId: report._id, level: 0, recipientRole: 'petugas_on_call', text: 'P1 baru', status: 'sent' });
    const client = new AdminClient(admin.baseUrl);
    const link = `/reports/${report.id}?ack=${alert.id}`;
    const first = await client.get(link);
    expect(first.location).toBe(`/login?next=${encodeURIComponent(link)}`);
    await client.get(first.location);
    const signedIn = await client.postForm('/login', { username: 'piket2', password: TEST_PASSWORD, next: link });
    expect(signedIn.location).toBe(link);
    // The confirmation names the ticket and the time (WIB).
    expect((await client.get(link)).text).toMatch(new RegExp(`Peringatan ${report.ticket} sudah Anda terima pukul \\d{2}\\.\\d{2} WIB`));
    const acked = await AlertModel.findById(alert.id).lean();
    expect(acked!.acknowledgedBy).toBe(worker.id);
    expect(await AuditEventModel.countDocuments({ action: 'alert.ack', actorName: 'piket2', subjectId: report.id })).toBe(1);
  });

  it('an alert nobody on call received shows as a banner to the escalation chain until it is acknowledged on /alerts', async () => {
    const kasi = await makeUser('kepala_seksi_data', 'kasibanner');
    await makeUser('koordinator', 'koorbanner');
    await makeUser('petugas_on_call', 'piketbanner');
    await makeUser('pekerja_sosial', 'peksosbanner');
    const report = await makeReport({ priority: 'P1' });
    const roles = ['petugas_on_call', 'kepala_seksi_data', 'koordinator'] as const;
    const chain: { id: string }[] = [];
    for (const [level, recipientRole] of roles.entries()) {
      chain.push(await AlertModel.create({
        idempotencyKey: `report-${report.id}-L${level}`, subject: `report-${report.id}`, kind: 'report', reportId: report._id, level,
        recipientRole, text: 'LAPOR ANAK: laporan darurat', status: 'no_recipient',
      }));
    }
    const signedIn = async (username: string) => {
      const client = new AdminClient(admin.baseUrl);
      await client.signIn(username, TEST_PASSWORD);
      return client;
    };
    const [kasiClient, koorClient, piketClient, peksosClient] = await Promise.all(['kasibanner', 'koorbanner', 'piketbanner', 'peksosbanner'].map(signedIn));
    const banner = /class="alert-banner"[\s\S]*?<\/div>/;
    for (const [client, page] of [[kasiClient, '/oncall'], [koorClient, '/alerts'], [piketClient, '/intake'], [kasiClient, '/password']] as const) {
      const html = (await client!.get(page)).text;
      expect(html).toMatch(banner);
      expect(banner.exec(html)![0]).toContain(report.ticket);
    }
    expect((await peksosClient!.get('/password')).text).not.toMatch(banner);

    // The list: ticket, priority, reason, no personal data; an acknowledge button with the CSRF token.
    const list = (await kasiClient!.get('/alerts')).text;
    expect(list).toContain(report.ticket);
    expect(list).toMatch(/tidak ada petugas di jadwal piket/);
    expect(list).toContain(`action="/alerts/${chain[2]!.id}/ack"`);
    expect((await kasiClient!.postForm(`/alerts/${chain[2]!.id}/ack`, {}, { csrf: 'wrong' })).status).toBe(403);
    expect((await AlertModel.findById(chain[2]!.id).lean())!.acknowledgedAt).toBeUndefined();

    const acked = await kasiClient!.postForm(`/alerts/${chain[2]!.id}/ack`, {});
    expect(acked.status).toBe(303);
    const after = (await kasiClient!.get(acked.location!)).text;
    expect(after).toMatch(new RegExp(`Peringatan ${report.ticket} sudah Anda terima pukul \\d{2}\\.\\d{2} WIB`));
    expect(after).not.toMatch(banner);
    expect(after).toContain('Test kepala_seksi_data');
    expect((await AlertModel.findById(chain[2]!.id).lean())!.acknowledgedBy).toBe(kasi.id);
    expect(await AuditEventModel.countDocuments({ action: 'alert.ack', actorName: 'kasibanner', subjectId: report.id })).toBe(1);
    for (const client of [koorClient, piketClient]) expect((await client!.get('/password')).text).not.toMatch(banner);
  });

  it("an urgent draft's alert link confirms on screen, with the time", async () => {
    await makeUser('petugas_on_call', 'piketdraft');
    const alert = await AlertModel.create({
      idempotencyKey: 'draft-d1-L0', subject: 'draft-d1', kind: 'urgent_draft', level: 0, recipientRole: 'petugas_on_call',
      text: 'LAPOR ANAK: laporan darurat', status: 'sent',
    });
    const client = new AdminClient(admin.baseUrl);
    await client.signIn('piketdraft', TEST_PASSWORD);
    const page = (await client.get(`/alerts/${alert.id}?ack=${alert.id}`)).text;
    expect(page).toMatch(/Peringatan \(laporan sedang diisi\) sudah Anda terima pukul \d{2}\.\d{2} WIB/);
    // A second opening says who had it first.
    await makeUser('kepala_seksi_data', 'kasidraft');
    const other = new AdminClient(admin.baseUrl);
    await other.signIn('kasidraft', TEST_PASSWORD);
    expect((await other.get(`/alerts/${alert.id}`)).text).toMatch(/sudah diterima oleh Test petugas_on_call pukul/);
    expect(await AuditEventModel.countDocuments({ action: 'alert.ack', actorName: 'piketdraft' })).toBe(1);
  });
});
