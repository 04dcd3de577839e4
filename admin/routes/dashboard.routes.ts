import type { Express, Request, Response } from 'express';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { recordAuditEvent } from '../../src/audit/record-audit-event';
import { SIMFONI_HEADER, simfoniRows, toCsv } from '../../src/reports/simfoni-export';
import { computeStatistics, quarterPeriod, statisticsRows, type Period } from '../../src/reports/statistics';
import { actorOf, allow } from '../middleware/current-user';

const QuarterQuery = z.object({
  year: z.coerce.number().int().min(2018).max(2100).optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
});
const ExportQuery = QuarterQuery.extend({ reason: z.string().trim().min(3).max(300) });

function currentQuarter(now = new Date()): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const local = new Date(now.getTime() + 7 * 3600_000);
  return { year: local.getUTCFullYear(), quarter: (Math.floor(local.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4 };
}

function periodOf(q: { year?: number; quarter?: number }): { year: number; quarter: 1 | 2 | 3 | 4; period: Period } {
  const now = currentQuarter();
  const year = q.year ?? now.year;
  const quarter = (q.quarter ?? now.quarter) as 1 | 2 | 3 | 4;
  return { year, quarter, period: quarterPeriod(year, quarter) };
}

/** Every download is audited with who, why and which period; a download without a reason is refused. */
async function auditedExport(req: Request, res: Response, kind: string): Promise<{ year: number; quarter: number; period: Period } | undefined> {
  const q = ExportQuery.safeParse(req.query);
  if (!q.success) {
    res.status(400).type('text/plain').send('Tuliskan alasan unduhan (minimal 3 huruf).');
    return undefined;
  }
  const p = periodOf(q.data);
  await recordAuditEvent(actorOf(req), { action: `export.${kind}`, subjectType: 'export', subjectId: `${p.year}-Q${p.quarter}`, reason: q.data.reason });
  return p;
}

export function registerDashboardRoutes(app: Express): void {
  app.get('/dashboard', allow('report.stats'), async (req, res) => {
    const q = QuarterQuery.safeParse(req.query);
    const { year, quarter, period } = periodOf(q.success ? q.data : {});
    const stats = await computeStatistics(period);
    const max = (counts: Record<string, number>) => Math.max(1, ...Object.values(counts));
    res.render('dashboard.njk', { title: res.locals.t('dashboard'), stats, year, quarter, max });
  });

  app.get('/exports/quarterly.csv', allow('report.export'), async (req, res) => {
    const p = await auditedExport(req, res, 'quarterly_csv');
    if (!p) return;
    const rows = statisticsRows(await computeStatistics(p.period));
    res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="laporan-${p.year}-Q${p.quarter}.csv"`, 'cache-control': 'no-store' });
    res.send(toCsv([['bagian', 'kunci', 'jumlah'], ...rows]));
  });

  app.get('/exports/quarterly.xlsx', allow('report.export'), async (req, res) => {
    const p = await auditedExport(req, res, 'quarterly_xlsx');
    if (!p) return;
    const book = new ExcelJS.Workbook();
    const summary = book.addWorksheet('Ringkasan');
    summary.addRow(['bagian', 'kunci', 'jumlah']).font = { bold: true };
    for (const row of statisticsRows(await computeStatistics(p.period))) summary.addRow(row);
    const simfoni = book.addWorksheet('SIMFONI-PPA');
    simfoni.addRow(SIMFONI_HEADER).font = { bold: true };
    for (const row of await simfoniRows(p.period)) simfoni.addRow(row);
    res.set({
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="laporan-${p.year}-Q${p.quarter}.xlsx"`,
      'cache-control': 'no-store',
    });
    res.send(Buffer.from(await book.xlsx.writeBuffer()));
  });

  app.get('/exports/simfoni.csv', allow('report.export'), async (req, res) => {
    const p = await auditedExport(req, res, 'simfoni_csv');
    if (!p) return;
    res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="simfoni-${p.year}-Q${p.quarter}.csv"`, 'cache-control': 'no-store' });
    res.send(toCsv([SIMFONI_HEADER, ...(await simfoniRows(p.period))]));
  });
}
