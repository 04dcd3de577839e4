import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import { makeReport } from '../factories/reports';
import { makeUser, TEST_PASSWORD } from '../factories/users';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';

// A value copied in from another record (finding 11) does not open; the page says so calmly instead of failing.

const db = useTestDatabase('unreadable');
let admin: RunningAdmin;

beforeAll(async () => {
  await Promise.all([UserModel.init(), ReportModel.init(), AuditEventModel.init()]);
  admin = await startAdminApp('unreadable', db.uri);
  await makeUser('penerima_pengaduan', 'rina.unreadable');
});
afterAll(() => admin.close());

it("shows 'Tidak dapat dibaca' for a child name copied from another report, and the rest of the report as stored", async () => {
  const other = await makeReport({ childName: 'Sari Wulandari' });
  const report = await makeReport({ childName: 'Putri', description: 'Anak sering ditinggal sendirian di rumah' });
  const copied = (await ReportModel.collection.findOne({ _id: other._id }))!.child.name as string;
  await ReportModel.collection.updateOne({ _id: report._id }, { $set: { 'child.name': copied } });

  const rina = new AdminClient(admin.baseUrl);
  await rina.signIn('rina.unreadable', TEST_PASSWORD);
  await rina.get(`/reports/${report.id}`);
  await rina.postForm(`/reports/${report.id}/reveal`, { reason: 'verifikasi' });
  const page = await rina.get(`/reports/${report.id}`);
  expect(page.status).toBe(200);
  expect(page.text).toContain('Tidak dapat dibaca');
  expect(page.text).not.toContain('Sari Wulandari');
  expect(page.text).toContain('Anak sering ditinggal sendirian di rumah');
});
