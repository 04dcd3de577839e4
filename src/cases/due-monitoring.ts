import type { Types } from 'mongoose';
import { CaseModel } from '../db/models/case.model';
import { raiseCaseAlert } from '../alerts/raise-case-alert';
import type { FieldCipher } from '../crypto/field-cipher';
import type { Queues } from '../queue/queues';

/** What the selection reads of a case: no encrypted field, so nothing here is personal. */
export interface CaseMonitoringFacts {
  id: string;
  caseManagerId?: string | null;
  monitoring: { at: Date; nextDueAt?: Date | null }[];
}

export interface DueMonitoring { caseId: string; caseManagerId: string; dueDate: string }

/**
 * Cases whose next monitoring date (the `nextDueAt` of the newest monitoring entry) is today or past. Only the newest
 * entry counts: recording a monitoring visit is what answers a due date, and it sets the next one (or none).
 * The panel stores a date as that day's midnight UTC, so a due date is compared as a date with the unit's today
 * (WIB, as the statistics count days): a date due today is due from the start of the working day, not 07:00.
 */
export function selectDueMonitoring(cases: CaseMonitoringFacts[], now: Date, utcOffsetHours = 7): DueMonitoring[] {
  const today = new Date(now.getTime() + utcOffsetHours * 3600_000).toISOString().slice(0, 10);
  const due: DueMonitoring[] = [];
  for (const kase of cases) {
    if (!kase.caseManagerId || !kase.monitoring.length) continue;
    const newest = kase.monitoring.reduce((a, b) => (b.at.getTime() >= a.at.getTime() ? b : a));
    const dueDate = newest.nextDueAt?.toISOString().slice(0, 10);
    if (!dueDate || dueDate > today) continue;
    due.push({ caseId: kase.id, caseManagerId: kase.caseManagerId, dueDate });
  }
  return due;
}

export interface CaseWatchDeps { cipher: FieldCipher; queues: Partial<Queues>; adminBaseUrl: string; now?: () => Date }

/**
 * Tells each due case's pekerja sosial on their own chat, once per due date: the alert's `_id` comes from the case,
 * the date and the person (raiseCaseAlert), so a repeated watch finds it and sends nothing.
 */
export async function alertDueMonitoring(deps: CaseWatchDeps): Promise<{ due: number; queued: number }> {
  const now = (deps.now ?? (() => new Date()))();
  // Open cases with a case manager; FerretDB scans this filter either way, and the projection keeps it small.
  const open = await CaseModel.find(
    { status: { $ne: 'terminated' }, caseManagerId: { $exists: true } },
    { caseManagerId: 1, 'monitoring.at': 1, 'monitoring.nextDueAt': 1 },
  ).lean<(Omit<CaseMonitoringFacts, 'id'> & { _id: Types.ObjectId })[]>();
  const due = selectDueMonitoring(open.map((c) => ({ id: String(c._id), caseManagerId: c.caseManagerId, monitoring: c.monitoring ?? [] })), now);
  let queued = 0;
  for (const d of due) {
    const result = await raiseCaseAlert(d.caseId, d.caseManagerId, { kind: 'monitoring_due', dueDate: d.dueDate }, `monitoring-due-${d.dueDate}`, deps);
    if (result === 'queued') queued++;
  }
  return { due: due.length, queued };
}
