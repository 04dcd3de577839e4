import ExcelJS from 'exceljs';
import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { CaseModel } from '../../src/db/models/case.model';
import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import { computeStatistics, quarterPeriod } from '../../src/reports/statistics';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
import { makeReport } from '../factories/reports';
import { makeUser, TEST_PASSWORD } from '../factories/users';

const db = useTestDatabase('dashboard');
let admin: RunningAdmin;
// Q1 2025 in Jakarta time: 2024-12-31T17:00Z .. 2025-03-31T17:00Z.
const at = (iso: string) => new Date(iso);

async function signedIn(username: string) {
  const client = new AdminClient(admin.baseUrl);
  expect((await client.json('POST', '/api/session', { username, password: TEST_PASSWORD }, { csrf: false })).status).toBe(200);
  return client;
}

/** A report claimed `minutes` after it arrived, as the audit trail of a real claim would show. */
async function reportAnsweredAfter(minutes: number, seed: Parameters<typeof makeReport>[0]) {
  const report = await makeReport(seed);
  const claimedAt = new Date(report.receivedAt.getTime() + minutes * 60_000);
  await ReportModel.updateOne({ _id: report._id }, { $set: { status: 'claimed' }, $push: { events: { type: 'status', to: 'claimed', actor: 'x', at: claimedAt } } });
  return report;
}

beforeAll(async () => {
  await Promise.all([UserModel.init(), ReportModel.init(), CaseModel.init(), AuditEventModel.init()]);
  admin = await startAdminApp('dashboard', db.uri);
  await makeUser('koordinator', 'kord');
  await makeUser('petugas_input_data', 'data');
  const budi = await makeUser('pekerja_sosial', 'budi');
  // P1 (SLA 1 h) answered in 30 min: met. P2 (24 h) answered in 30 h: missed. P3 (72 h) answered in 2 h: met.
  await reportAnsweredAfter(30, { priority: 'P1', category: 'kekerasan_seksual', kecamatan: 'Ipuh', receivedAt: at('2025-01-10T03:00:00Z') });
  await reportAnsweredAfter(30 * 60, { priority: 'P2', category: 'kekerasan_fisik', kecamatan: 'Ipuh', receivedAt: at('2025-02-10T03:00:00Z') });
  await reportAnsweredAfter(120, { priority: 'P3', category: 'pendidikan', kecamatan: 'V Koto', receivedAt: at('2025-02-11T03:00:00Z') });
  // Outside the quarter (April 1st, 00:30 Jakarta time): not counted.
  await makeReport({ priority: 'P4', category: 'pendidikan', receivedAt: at('2025-03-31T17:30:00Z') });
  await CaseModel.create({ caseNumber: 'KSS-2025-0001', openedBy: 'x', caseManagerId: budi.id });
  await CaseModel.create({ caseNumber: 'KSS-2025-0002', openedBy: 'x', caseManagerId: budi.id });
  await CaseModel.create({ caseNumber: 'KSS-2025-0003', openedBy: 'x', caseManagerId: budi.id, status: 'terminated' });
});
afterAll(() => admin.close());

describe('the unit reports', () => {
  it('reads months and priorities in their own order, whatever order the reports came in', async () => {
    // Q2 2025, entered out of order (as a quarter's reports are: walk-ins registered late, merges, corrections).
    for (const [priority, iso] of [['P3', '2025-06-02T03:00:00Z'], ['P1', '2025-04-03T03:00:00Z'], ['P4', '2025-05-04T03:00:00Z'], ['P2', '2025-06-05T03:00:00Z']] as const) {
      await makeReport({ priority, category: 'pendidikan', receivedAt: at(iso) });
    }
    const stats = await computeStatistics(quarterPeriod(2025, 2));
    expect(Object.keys(stats.byPriority)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(Object.keys(stats.byMonth)).toEqual(['2025-04', '2025-05', '2025-06']);
    const page = (await (await signedIn('kord')).get('/dashboard?year=2025&quarter=2')).text;
    const shown = [...page.matchAll(/<span class="bar-label">(P\d) · /g)].map((m) => m[1]);
    expect(shown).toEqual(['P1', 'P2', 'P3', 'P4']);
  });

  it('counts the quarter by category, kecamatan, month and priority, with SLA compliance and response times', async () => {
    const stats = await computeStatistics(quarterPeriod(2025, 1));
    expect(stats.total).toBe(3);
    expect(stats.byCategory).toEqual({ kekerasan_seksual: 1, kekerasan_fisik: 1, pendidikan: 1 });
    expect(stats.byKecamatan).toEqual({ Ipuh: 2, 'V Koto': 1 });
    expect(stats.byMonth).toEqual({ '2025-01': 1, '2025-02': 2 });
    expect(stats.byPriority).toEqual({ P1: 1, P2: 1, P3: 1 });
    expect(stats.sla).toEqual({ met: 2, missed: 1, open: 0, compliancePercent: 66.7 });
    expect(stats.firstResponseMinutes).toEqual({ count: 3, median: 120, p90: 1800 });
    expect(stats.openCasesPerManager).toEqual({ budi: 2 });
  });

  it('shows the dashboard and downloads CSV, XLSX and SIMFONI-PPA, each audited with actor and reason', async () => {
    const data = await signedIn('data');
    const page = await data.get('/dashboard?year=2025&quarter=1');
    expect(page.status).toBe(200);
    expect(page.text).toContain('66.7%');

    expect((await data.get('/exports/quarterly.csv?year=2025&quarter=1')).status).toBe(400);
    const csv = await data.get('/exports/quarterly.csv?year=2025&quarter=1&reason=rapat+koordinasi');
    expect(csv.text).toContain('kategori,kekerasan_seksual,1');
    expect(csv.text).toContain('sla,kepatuhan_persen,66.7');

    const simfoni = await data.get('/exports/simfoni.csv?year=2025&quarter=1&reason=input+SIMFONI');
    const lines = simfoni.text.trim().split('\r\n');
    expect(lines[0]).toBe('tiket,tanggal_lapor,jenis_kekerasan,tempat_kejadian,hubungan_pelaku,kelompok_umur,jenis_kelamin,kecamatan');
    expect(lines).toHaveLength(3); // two protection reports; the education question is not a violence case
    expect(lines.join('\n')).toContain('Seksual,Rumah Tangga,Tidak diketahui,6-12 tahun,Perempuan,Ipuh');
    expect(simfoni.text).not.toMatch(/Putri|Siti|enc:v/);

    const res = await fetch(`${admin.baseUrl}/exports/quarterly.xlsx?year=2025&quarter=1&reason=arsip`, { headers: { cookie: data.cookie } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(book.getWorksheet('Ringkasan')!.getRow(2).values).toEqual([undefined, 'total', 'laporan', 3]);
    expect(book.getWorksheet('SIMFONI-PPA')!.rowCount).toBe(3);

    const audit = await AuditEventModel.find({ subjectType: 'export' }).sort({ at: 1 }).lean();
    expect(audit.map((a) => [a.actorName, a.action, a.reason, a.subjectId])).toEqual([
      ['data', 'export.quarterly_csv', 'rapat koordinasi', '2025-Q1'],
      ['data', 'export.simfoni_csv', 'input SIMFONI', '2025-Q1'],
      ['data', 'export.quarterly_xlsx', 'arsip', '2025-Q1'],
    ]);
  });
});
