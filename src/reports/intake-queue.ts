import { z } from 'zod';
import { ReportModel } from '../db/models/report.model';
import { CATEGORIES, CHANNELS, PRIORITIES } from './report-vocabulary';

/** What the intake queue shows by default: waiting and held reports. */
export const QUEUE_STATUSES = ['queued', 'claimed'] as const;

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const IntakeFilterSchema = z.object({
  priority: z.preprocess(blankToUndefined, z.enum(PRIORITIES).optional()),
  category: z.preprocess(blankToUndefined, z.enum(CATEGORIES).optional()),
  kecamatan: z.preprocess(blankToUndefined, z.string().max(60).optional()),
  channel: z.preprocess(blankToUndefined, z.enum(CHANNELS).optional()),
  status: z.preprocess(blankToUndefined, z.enum(QUEUE_STATUSES).optional()),
  /** `flagged`: only reports the SLA watch marked near or past their SLA (the link in its alert). */
  sla: z.preprocess(blankToUndefined, z.enum(['flagged']).optional()),
});
export type IntakeFilter = z.infer<typeof IntakeFilterSchema>;

/** The queue, most urgent first: priority P1..P4, then the SLA that runs out soonest. No personal fields. */
export async function findIntakeQueue(filter: IntakeFilter, limit = 300) {
  const query: Record<string, unknown> = { status: filter.status ?? { $in: QUEUE_STATUSES } };
  if (filter.priority) query.priority = filter.priority;
  if (filter.category) query.category = filter.category;
  if (filter.channel) query.channel = filter.channel;
  if (filter.kecamatan) query['location.kecamatan'] = filter.kecamatan;
  if (filter.sla === 'flagged') query.slaFlag = { $in: ['near', 'breached'] };
  return ReportModel.find(query, {
    ticket: 1, status: 1, priority: 1, category: 1, channel: 1, 'location.kecamatan': 1, receivedAt: 1, slaDueAt: 1,
    claimedBy: 1, triageReasons: 1, needsManualTriage: 1, updatedAt: 1, slaFlag: 1,
  })
    .sort({ priority: 1, slaDueAt: 1, receivedAt: 1 })
    .limit(limit)
    .lean();
}

/** Changes whenever a report enters, leaves or changes in the queue: what the live view watches. */
export async function intakeQueueFingerprint(): Promise<string> {
  const rows = await ReportModel.find({ status: { $in: QUEUE_STATUSES } }, { updatedAt: 1 }).lean();
  return rows.map((r) => `${String(r._id)}@${r.updatedAt?.getTime() ?? 0}`).sort().join(',');
}
