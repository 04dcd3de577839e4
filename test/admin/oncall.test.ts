import { AlertModel } from '../../src/db/models/alert.model';
import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { OnCallShiftModel } from '../../src/db/models/on-call-shift.model';
import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
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
    expect(testCipher.decrypt(shift!.address)).toBe('5550001');
    expect((await kasi.get('/oncall')).text).toContain('Test petugas_on_call');
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
    expect((await client.get(link)).text).toContain('Peringatan dikonfirmasi.');
    const acked = await AlertModel.findById(alert.id).lean();
    expect(acked!.acknowledgedBy).toBe(worker.id);
    expect(await AuditEventModel.countDocuments({ action: 'alert.ack', actorName: 'piket2', subjectId: report.id })).toBe(1);
  });
});
