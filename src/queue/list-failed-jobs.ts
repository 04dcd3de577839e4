import type { Queues } from './queues';

export interface FailedJob {
  queue: string;
  id: string;
  name: string;
  /** The last error message; jobs carry ids only, so this is safe to show. */
  reason: string;
  attemptsMade: number;
  failedAt: Date | undefined;
  data: unknown;
}

/** Jobs that failed for good (all attempts spent, or unrecoverable), newest first, for the admin panel. */
export async function listFailedJobs(queues: Partial<Queues>, limit = 100): Promise<FailedJob[]> {
  const all: FailedJob[] = [];
  for (const queue of Object.values(queues)) {
    if (!queue) continue;
    for (const job of await queue.getFailed(0, limit - 1)) {
      all.push({
        queue: queue.name, id: job.id ?? '', name: job.name, reason: job.failedReason, attemptsMade: job.attemptsMade,
        failedAt: job.finishedOn ? new Date(job.finishedOn) : undefined, data: job.data,
      });
    }
  }
  return all.sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0)).slice(0, limit);
}
