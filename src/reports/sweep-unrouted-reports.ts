import { ReportModel } from '../db/models/report.model';
import { jobIdFor } from '../queue/jobs';
import { enqueue, type Queues } from '../queue/queues';

export type SweepOutcome = { outcome: 'done'; requeued: number; waiting: number; afterFailedJob: number };

/**
 * The database is the source of truth: a report still `received` or `triaged` after `olderThanMs` whose triage job is
 * gone (Redis lost it, a crash between write and enqueue) gets its job again. A report whose job failed for good is
 * handed to `afterFailedJob` (one more triage in place, else manual triage: normally the job's last attempt did
 * that already), which moves it out of `received`: it is never fed to triage again and again.
 */
export async function sweepUnroutedReports(deps: {
  queues: Partial<Queues>;
  olderThanMs: number;
  afterFailedJob: (reportId: string) => Promise<unknown>;
  now?: () => Date;
}): Promise<SweepOutcome> {
  const now = (deps.now ?? (() => new Date()))();
  const reports = deps.queues.reports;
  if (!reports) throw new Error('the reports queue is not open in this process');
  const stuck = await ReportModel.find(
    { status: { $in: ['received', 'triaged'] }, receivedAt: { $lt: new Date(now.getTime() - deps.olderThanMs) } },
    { _id: 1 },
  ).limit(1000).lean();

  const result: SweepOutcome = { outcome: 'done', requeued: 0, waiting: 0, afterFailedJob: 0 };
  for (const { _id } of stuck) {
    const reportId = _id.toHexString();
    const job = await reports.getJob(jobIdFor('triage', { reportId }));
    const state = job ? await job.getState() : 'unknown';
    if (state === 'failed') {
      await deps.afterFailedJob(reportId);
      result.afterFailedJob++;
    } else if (state === 'completed' || state === 'unknown') {
      if (job) await job.remove();
      await enqueue(deps.queues, 'triage', { reportId });
      result.requeued++;
    } else result.waiting++;
  }
  return result;
}
