import { idForKey } from '../db/id-for-key';
import { AlertModel, type Alert } from '../db/models/alert.model';
import { ReportModel } from '../db/models/report.model';
import { UserModel } from '../db/models/user.model';

// The panel's view of on-call alerts, one row per subject (a report or an urgent draft, with its escalations).
// Nothing personal: ticket, priority, why, who was reached, who acknowledged and when.

const DANGER_KINDS = ['report', 'urgent_draft'] as const;

export interface AlertRow {
  /** The alert to acknowledge: the subject's latest level. */
  id: string;
  ticket?: string;
  priority?: string;
  reason: string;
  /**
   * Whether the petugas on call (the first level) got it. False: nobody on the roster, or the send failed for good;
   * the chain went up at once, and the panel shows a banner until someone acknowledges it.
   */
  reached: boolean;
  level: number;
  raisedAt: Date;
  acknowledgedAt?: Date;
  acknowledgedBy?: string;
}

type AlertLean = Pick<Alert, 'subject' | 'kind' | 'level' | 'status' | 'acknowledgedAt' | 'acknowledgedBy'> & { _id: { toHexString(): string }; reportId?: unknown; createdAt?: Date };
const FIELDS = { subject: 1, kind: 1, level: 1, status: 1, acknowledgedAt: 1, acknowledgedBy: 1, reportId: 1, createdAt: 1 };

/** The latest subjects, open ones first. */
export async function listAlerts(limit = 100): Promise<AlertRow[]> {
  const alerts = await AlertModel.find({ kind: { $in: DANGER_KINDS } }, FIELDS).sort({ createdAt: -1 }).limit(limit * 3).lean<AlertLean[]>();
  const rows = await toRows(alerts);
  return rows.sort((a, b) => Number(Boolean(a.acknowledgedAt)) - Number(Boolean(b.acknowledgedAt))).slice(0, limit);
}

/**
 * Open subjects whose petugas on call was not reached: the panel's banner. Few by nature, so their whole chains are read.
 * Any level acknowledged closes the subject, as it stops the escalation.
 */
export async function listUnreachedOpen(): Promise<AlertRow[]> {
  const failing = await AlertModel.find(
    { kind: { $in: DANGER_KINDS }, acknowledgedAt: null, status: { $in: ['no_recipient', 'failed'] } }, { subject: 1 },
  ).limit(200).lean();
  if (!failing.length) return [];
  const subjects = [...new Set(failing.map((a) => a.subject))];
  const chains = await AlertModel.find({ subject: { $in: subjects } }, FIELDS).lean<AlertLean[]>();
  return (await toRows(chains)).filter((r) => !r.reached && !r.acknowledgedAt);
}

async function toRows(alerts: AlertLean[]): Promise<AlertRow[]> {
  const bySubject = new Map<string, AlertLean[]>();
  for (const a of alerts) bySubject.set(a.subject, [...(bySubject.get(a.subject) ?? []), a]);
  const reportIds = [...bySubject.values()].map((chain) => reportIdOfAlert(chain[0]!)).filter((id): id is string => Boolean(id));
  const [reports, users] = await Promise.all([
    ReportModel.find({ _id: { $in: reportIds } }, { ticket: 1, priority: 1 }).lean(),
    UserModel.find({ _id: { $in: ackersOf(alerts) } }, { displayName: 1 }).lean(),
  ]);
  const reportOf = new Map(reports.map((r) => [String(r._id), r]));
  const nameOf = new Map(users.map((u) => [String(u._id), u.displayName]));
  return [...bySubject.values()].map((chain) => {
    const sorted = [...chain].sort((a, b) => a.level - b.level);
    const latest = sorted.at(-1)!;
    const acked = sorted.find((a) => a.acknowledgedAt);
    const report = reportOf.get(reportIdOfAlert(latest) ?? '');
    return {
      id: latest._id.toHexString(),
      ticket: report?.ticket,
      priority: report?.priority ?? (latest.kind === 'urgent_draft' ? 'P1' : undefined),
      reason: reasonOf(latest.kind, sorted),
      reached: sorted[0]!.status === 'sent' || sorted[0]!.status === 'pending',
      level: latest.level,
      raisedAt: sorted[0]!.createdAt ?? new Date(0),
      acknowledgedAt: acked?.acknowledgedAt ?? undefined,
      acknowledgedBy: acked?.acknowledgedBy ? (nameOf.get(acked.acknowledgedBy) ?? 'petugas') : undefined,
    };
  }).sort((a, b) => b.raisedAt.getTime() - a.raisedAt.getTime());
}

/** A draft alert's report, once the draft was sent, has the id its intake key gives (store-report.ts). */
export function reportIdOfAlert(alert: { reportId?: unknown; subject: string }): string | undefined {
  if (alert.reportId) return String(alert.reportId);
  const draftId = /^draft-(.+)$/.exec(alert.subject)?.[1];
  return draftId ? idForKey(`draft:${draftId}`).toHexString() : undefined;
}

function ackersOf(alerts: AlertLean[]): string[] {
  return [...new Set(alerts.map((a) => a.acknowledgedBy).filter((id): id is string => Boolean(id && /^[a-f0-9]{24}$/.test(id))))];
}

function reasonOf(kind: string, chain: AlertLean[]): string {
  const why = kind === 'urgent_draft' ? 'Pelapor menyatakan anak dalam bahaya saat ini' : 'Laporan darurat (P1) dari triase';
  const reach = chain.some((a) => a.status === 'sent') ? 'terkirim'
    : chain.some((a) => a.status === 'pending') ? 'sedang dikirim'
    : chain.some((a) => a.status === 'failed') ? 'gagal terkirim ke siapa pun' : 'tidak ada petugas di jadwal piket';
  return `${why}; ${reach}`;
}
