import { AlertModel } from '../db/models/alert.model';
import { jobIdFor } from '../queue/jobs';
import { enqueue, type Queues } from '../queue/queues';

/** Kinds that climb the escalation chain (ESCALATION_ROLES); case and SLA notices do not. */
const ESCALATING_KINDS = new Set(['report', 'urgent_draft']);

/**
 * An alert whose send failed for good reached nobody: waiting ALERT_ESCALATE_MINUTES for an acknowledgement that
 * cannot come would only lose time, so the next level is told at once (the delayed escalation is brought forward).
 */
export async function recordAlertUnreached(alertId: string, reason: string, queues: Partial<Queues>): Promise<void> {
  // Two `_id` statements: FerretDB's findAndModify takes no projection, and its filtered update is not atomic anyway.
  const alert = await AlertModel.findById(alertId, { kind: 1, sentAt: 1 }).lean();
  if (!alert || alert.sentAt) return;
  await AlertModel.updateOne({ _id: alertId }, { $set: { status: 'failed', lastError: reason.slice(0, 300) } });
  if (alert && ESCALATING_KINDS.has(alert.kind)) await escalateNow(alertId, queues);
}

export async function escalateNow(alertId: string, queues: Partial<Queues>): Promise<void> {
  const job = await queues.alerts?.getJob(jobIdFor('escalate', { alertId }));
  if (job && (await job.isDelayed())) await job.promote();
  else if (!job) await enqueue(queues, 'escalate', { alertId });
}
