import type { Job } from 'bullmq';
import { sweepStaleSlots } from '../../src/db/models/exclusive-slot.model';
import { sweepUnroutedReports } from '../../src/reports/sweep-unrouted-reports';
import { parsePayload, type JobContext, type Outcome } from '../job-context';
import { triageOrSendToManual } from './triage.job';

export async function processSweep(job: Job, ctx: JobContext): Promise<Outcome> {
  parsePayload('sweep', job.data);
  const reports = await sweepUnroutedReports({
    queues: ctx.queues, olderThanMs: ctx.config.jobs.sweepAfterMs, afterFailedJob: (reportId) => triageOrSendToManual(reportId, ctx),
  });
  // Slots of contested writes long since written (src/db/contested-write.ts): one per write, kept by nothing else.
  return { ...reports, slotsSwept: await sweepStaleSlots() };
}
