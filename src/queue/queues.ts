import { Queue, type ConnectionOptions } from 'bullmq';
import { JOBS, jobIdFor, type JobName, type JobPayload, type QueueName } from './jobs';

export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  // Bounded history: completed jobs go quickly, failed ones stay long enough to be seen and retried by staff.
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

export type Queues = Record<QueueName, Queue>;

export function createQueues(connection: ConnectionOptions, prefix: string, names: readonly QueueName[]): Partial<Queues> {
  const queues: Partial<Queues> = {};
  for (const name of names) queues[name] = new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  return queues;
}

/** Validates the payload against its schema and adds the job with its de-duplicating id. */
export async function enqueue<N extends JobName>(
  queues: Partial<Queues>,
  name: N,
  payload: JobPayload<N>,
  opts: { delay?: number } = {},
): Promise<void> {
  const job = JOBS[name];
  const queue = queues[job.queue];
  if (!queue) throw new Error(`queue ${job.queue} is not open in this process`);
  const data = job.payload.parse(payload);
  await queue.add(name, data, { jobId: jobIdFor(name, payload), ...('options' in job ? job.options : {}), ...opts });
}
