import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../src/config';
import type { Logger } from '../src/logger';

export interface WorkerDeps {
  config: Config;
  redis: Redis;
  logger: Logger;
}

/** One BullMQ Worker per queue, each dispatching to the processors in handlers.ts. */
export function startWorkers(_deps: WorkerDeps): Worker[] {
  return [];
}
