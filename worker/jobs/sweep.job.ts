import type { Job } from 'bullmq';
import { sweepUnroutedReports } from '../../src/reports/sweep-unrouted-reports';
import { manualTriageDeps, parsePayload, type JobContext, type Outcome } from '../job-context';

export async function processSweep(job: Job, ctx: JobContext): Promise<Outcome> {
  parsePayload('sweep', job.data);
  return sweepUnroutedReports({ queues: ctx.queues, olderThanMs: ctx.config.jobs.sweepAfterMs, manualTriage: manualTriageDeps(ctx) });
}
