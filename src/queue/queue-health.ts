import type { Queue } from 'bullmq';

export interface QueueHealth {
  name: string;
  paused: boolean;
  counts: { waiting: number; active: number; delayed: number; failed: number };
}

/** Counts per queue and whether it is paused (a paused queue takes jobs but nobody runs them). */
export async function readQueueHealth(queues: Queue[]): Promise<QueueHealth[]> {
  return Promise.all(queues.map(async (queue) => {
    const [counts, paused] = await Promise.all([queue.getJobCounts('waiting', 'active', 'delayed', 'failed'), queue.isPaused()]);
    return {
      name: queue.name, paused,
      counts: { waiting: counts.waiting ?? 0, active: counts.active ?? 0, delayed: counts.delayed ?? 0, failed: counts.failed ?? 0 },
    };
  }));
}
