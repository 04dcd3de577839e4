import { UnrecoverableError, type Job } from 'bullmq';
import { enqueue } from '../../src/queue/queues';
import { sendToManualTriage } from '../../src/reports/manual-triage';
import { ReportNotFoundError, triageStoredReport } from '../../src/reports/triage-stored-report';
import { manualTriageDeps, parsePayload, type JobContext, type Outcome } from '../job-context';

export async function processTriage(job: Job, ctx: JobContext): Promise<Outcome> {
  const { reportId } = parsePayload('triage', job.data);
  try {
    return await triageStoredReport(reportId, {
      cipher: ctx.cipher,
      duplicates: { redis: ctx.redis, prefix: ctx.config.redis.prefix },
      requestAlert: (id) => enqueue(ctx.queues, 'alert', { kind: 'report', reportId: id }),
    });
  } catch (err) {
    if (err instanceof ReportNotFoundError) throw new UnrecoverableError(err.message);
    // Here, inside the last attempt, rather than in the Worker's 'failed' event: that event runs after BullMQ has
    // marked the job failed, and a crash in between would leave the report in `received` with no run left to move
    // it. A crash here instead stalls the job and this last attempt runs again (sendToManualTriage is repeat-safe);
    // a job that fails for good without reaching this (stalled too often) is found by the sweeper.
    if (isLastAttempt(job)) await sendToManualTriage(reportId, err instanceof Error ? err.message : String(err), manualTriageDeps(ctx));
    // Still a failure: the job keeps its technical reason in the failed-jobs list for whoever fixes the cause.
    throw err;
  }
}

/** BullMQ's own rule (Job.shouldRetryJob): `attemptsMade` counts the attempts finished before this one. */
function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
