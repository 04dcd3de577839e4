import type { Job } from 'bullmq';
import { watchSla } from '../../src/reports/watch-sla';
import { alertDeps, parsePayload, type JobContext, type Outcome } from '../job-context';

export async function processSlaWatch(job: Job, ctx: JobContext): Promise<Outcome> {
  parsePayload('sla-watch', job.data);
  return watchSla(alertDeps(ctx));
}
