import { UnrecoverableError, type Job } from 'bullmq';
import { enqueue } from '../../src/queue/queues';
import { ReportNotFoundError, triageStoredReport } from '../../src/reports/triage-stored-report';
import { parsePayload, type JobContext, type Outcome } from '../job-context';

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
    throw err;
  }
}
