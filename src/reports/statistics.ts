import { CaseModel } from '../db/models/case.model';
import { ReportModel } from '../db/models/report.model';
import { UserModel } from '../db/models/user.model';

// The unit's figures (Pasal 10(2)b, 12(1)g, 17), computed in code: FerretDB's $group has only $sum/$count, and a
// district's reports per quarter are a few thousand at most.

export interface Period {
  from: Date;
  to: Date; // exclusive
}

/** Calendar quarter in the district's time zone (Asia/Jakarta is UTC+7 without daylight saving; WITA/WIT differ). */
export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4, utcOffsetHours = 7): Period {
  const start = Date.UTC(year, (quarter - 1) * 3, 1) - utcOffsetHours * 3600_000;
  const end = Date.UTC(year, quarter * 3, 1) - utcOffsetHours * 3600_000;
  return { from: new Date(start), to: new Date(end) };
}

const STAFF_STATUSES = new Set(['claimed', 'case_opened', 'referred_out', 'merged', 'rejected']);

type Counts = Record<string, number>;
const bump = (counts: Counts, key: string | null | undefined) => {
  const k = key || 'tidak_diketahui';
  counts[k] = (counts[k] ?? 0) + 1;
};

/** "2025-04" before "2025-05", "P1" before "P2"; anything unknown after them. */
function byKey(counts: Counts): Counts {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function computeStatistics(period: Period, utcOffsetHours = 7) {
  const reports = await ReportModel.find(
    { receivedAt: { $gte: period.from, $lt: period.to } },
    { category: 1, 'location.kecamatan': 1, receivedAt: 1, priority: 1, channel: 1, status: 1, slaDueAt: 1, events: 1 },
  ).lean();

  const byCategory: Counts = {}, byKecamatan: Counts = {}, byMonth: Counts = {}, byPriority: Counts = {}, byChannel: Counts = {}, byStatus: Counts = {};
  const responseMinutes: number[] = [];
  let slaMet = 0, slaMissed = 0, slaOpen = 0;
  const now = Date.now();
  for (const r of reports) {
    bump(byCategory, r.category);
    bump(byKecamatan, (r as { location?: { kecamatan?: string } }).location?.kecamatan);
    bump(byMonth, new Date(r.receivedAt.getTime() + utcOffsetHours * 3600_000).toISOString().slice(0, 7));
    bump(byPriority, r.priority);
    bump(byChannel, r.channel);
    bump(byStatus, r.status);
    // First response: the first staff action that took the report out of the queue.
    const first = r.events.find((e) => e.type === 'status' && e.to && STAFF_STATUSES.has(e.to));
    if (first) responseMinutes.push((first.at.getTime() - r.receivedAt.getTime()) / 60_000);
    if (r.slaDueAt) {
      if (first) (first.at <= r.slaDueAt ? slaMet++ : slaMissed++);
      else (now > r.slaDueAt.getTime() ? slaMissed++ : slaOpen++);
    }
  }
  responseMinutes.sort((a, b) => a - b);

  const openCases = await CaseModel.find({ status: { $ne: 'terminated' } }, { caseManagerId: 1 }).lean();
  const perManager: Counts = {};
  for (const c of openCases) bump(perManager, c.caseManagerId ?? 'belum_ditugaskan');
  const managers = await UserModel.find({ _id: { $in: Object.keys(perManager).filter((k) => /^[a-f0-9]{24}$/.test(k)) } }, { username: 1 }).lean();
  const names = new Map(managers.map((m) => [String(m._id), m.username]));
  const openCasesPerManager = Object.fromEntries(Object.entries(perManager).map(([id, n]) => [names.get(id) ?? id, n]));

  const decided = slaMet + slaMissed;
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    total: reports.length,
    // Months and priorities have an order of their own (the page and the exports list them in it); the database
    // hands reports back in no set order.
    byCategory, byKecamatan, byMonth: byKey(byMonth), byPriority: byKey(byPriority), byChannel, byStatus,
    sla: { met: slaMet, missed: slaMissed, open: slaOpen, compliancePercent: decided ? Math.round((slaMet / decided) * 1000) / 10 : null },
    firstResponseMinutes: {
      count: responseMinutes.length,
      median: percentile(responseMinutes, 50),
      p90: percentile(responseMinutes, 90),
    },
    openCasesPerManager,
  };
}
export type Statistics = Awaited<ReturnType<typeof computeStatistics>>;

/** The statistics as flat rows (section, key, count) for CSV and XLSX. */
export function statisticsRows(stats: Statistics): [string, string, number | string][] {
  const rows: [string, string, number | string][] = [['total', 'laporan', stats.total]];
  const sections: [string, Counts][] = [
    ['kategori', stats.byCategory], ['kecamatan', stats.byKecamatan], ['bulan', stats.byMonth], ['prioritas', stats.byPriority],
    ['kanal', stats.byChannel], ['status', stats.byStatus], ['kasus_terbuka_per_pekerja_sosial', stats.openCasesPerManager],
  ];
  for (const [section, counts] of sections) for (const [key, n] of Object.entries(counts).sort()) rows.push([section, key, n]);
  rows.push(['sla', 'tepat_waktu', stats.sla.met], ['sla', 'terlambat', stats.sla.missed], ['sla', 'berjalan', stats.sla.open]);
  rows.push(['sla', 'kepatuhan_persen', stats.sla.compliancePercent ?? '']);
  rows.push(['respons_pertama_menit', 'median', stats.firstResponseMinutes.median ?? ''], ['respons_pertama_menit', 'p90', stats.firstResponseMinutes.p90 ?? '']);
  return rows;
}
