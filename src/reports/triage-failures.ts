import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

// How many reports automatic triage gave up on: a count in Redis (the worker's /readyz reads it on every probe, and
// on FerretDB a count over reports reads every document), beside the triage jobs that failed for good.

export interface TriageFailureCounter {
  redis: Redis;
  prefix: string;
}

const key = (prefix: string) => `${prefix}:triage:manual-count`;

export async function countSentToManualTriage({ redis, prefix }: TriageFailureCounter): Promise<void> {
  await redis.incr(key(prefix));
}

export type TriageFailures = { sentToManualTriage: number; failedJobs: number };

/** The numbers /readyz shows; they never make the worker not-ready (the reports are in the queue, with people). */
export async function readTriageFailures(counter: TriageFailureCounter, reportsQueue: Queue): Promise<TriageFailures> {
  const [sent, failedJobs] = await Promise.all([counter.redis.get(key(counter.prefix)), reportsQueue.getFailedCount()]);
  return { sentToManualTriage: Number(sent ?? 0), failedJobs };
}
