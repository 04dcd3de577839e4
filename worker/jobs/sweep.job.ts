import type { Job } from 'bullmq';
import { sweepUnroutedReports } from '../../src/reports/sweep-unrouted-reports';
import { parsePayload, type JobContext, type Outcome } from '../job-context';
import { triageOrSendToManual } from './triage.job';

export async function processSweep(job: Job, ctx: JobContext): Promise<Outcome> {
  parsePayload('sweep', job.data);
  return sweepUnroutedReports({
    queues: ctx.queues, olderThanMs: ctx.config.jobs.sweepAfterMs, afterFailedJob: (reportId) => triageOrSendToManual(reportId, ctx),
  });
}
