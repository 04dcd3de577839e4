import type { Job } from 'bullmq';
import { escalateAlert } from '../../src/alerts/escalate-alert';
import { alertDeps, parsePayload, type JobContext, type Outcome } from '../job-context';

export async function processEscalate(job: Job, ctx: JobContext): Promise<Outcome> {
  const { alertId } = parsePayload('escalate', job.data);
  return escalateAlert(alertId, alertDeps(ctx));
}
