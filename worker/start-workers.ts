import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { Telegram } from 'telegraf';
import type { Config } from '../src/config';
import { createPendingAlerts } from '../src/alerts/pending-alerts';
import { createFieldCipher, createLookupHasher } from '../src/crypto/field-cipher';
import type { Logger } from '../src/logger';
import { JOBS, QUEUES, WORKER_QUEUES, type WorkerJobName } from '../src/queue/jobs';
import { createQueues, type Queues } from '../src/queue/queues';
import { ComeBackLater } from '../src/runtime/come-back-later';
import { pacePerChat } from './chat-pacer';
import { HANDLERS } from './handlers';
import type { JobContext } from './job-context';
import type { WorkerMetrics } from './metrics';

export interface WorkerDeps {
  config: Config;
  redis: Redis;
  logger: Logger;
  metrics?: WorkerMetrics;
}

const CONCURRENCY: Record<(typeof WORKER_QUEUES)[number], number> = { reports: 10, alerts: 5, outbound: 5, maintenance: 1 };

/** One BullMQ Worker per queue, each dispatching to the processors in handlers.ts; plus the recurring jobs. */
export async function startWorkers({ config, redis, logger, metrics }: WorkerDeps): Promise<{ workers: Worker[]; queues: Partial<Queues> }> {
  const prefix = config.redis.prefix;
  const queues = createQueues(redis, prefix, QUEUES);
  const hasher = createLookupHasher(config.crypto.lookupHashKey);
  const ctx: JobContext = {
    config, logger, queues, redis, hasher,
    pendingAlerts: createPendingAlerts(redis, prefix),
    cipher: createFieldCipher({ activeKeyId: config.crypto.activeKeyId, keys: config.crypto.keys }),
    telegram: config.telegram.token
      ? pacePerChat(new Telegram(config.telegram.token, { apiRoot: config.telegram.apiRoot }), {
        redis, prefix, hasher, perChatMs: config.jobs.telegramPerChatMs,
      })
      : undefined,
  };

  const run = async (job: Job, token?: string) => {
    const handler = HANDLERS[job.name as WorkerJobName];
    if (!handler) throw new UnrecoverableError(`no processor for job ${job.name}`);
    const started = Date.now();
    let outcome;
    try {
      outcome = await handler(job, ctx);
    } catch (err) {
      // A chat still in its pause, a record still held: the job waits its turn, without spending an attempt.
      if (!(err instanceof ComeBackLater)) throw err;
      await job.moveToDelayed(Date.now() + err.waitMs, token);
      throw new DelayedError();
    }
    // Ids, timings and outcomes only: payloads and results never carry personal data. `waitMs`: from due (added, plus
    // any delay) to started, the time the job spent in the queue; with `ms`, where a job's time went.
    const waitMs = started - job.timestamp - (job.opts.delay ?? 0);
    logger.info({ queue: job.queueName, job: job.name, jobId: job.id, ms: Date.now() - started, waitMs, ...outcome }, 'job done');
    return outcome;
  };

  const workers = WORKER_QUEUES.map((name) => {
    const worker = new Worker(name, run, {
      connection: redis, prefix, concurrency: CONCURRENCY[name], lockDuration: config.jobs.lockMs,
      stalledInterval: config.jobs.lockMs,
      // BullMQ's limiter counts fixed windows: 25 per 1 s windows can put up to 50 in one clock second (the bench saw
      // 32). Fifths of a second keep any one second within rate + rate/5 at worst (30 at the default 25).
      ...(name === 'outbound' ? { limiter: { max: Math.max(1, Math.floor(config.jobs.telegramSendsPerSecond / 5)), duration: 200 } } : {}),
    });
    worker.on('failed', (job, err) =>
      logger.warn({ queue: name, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, 'job failed'));
    worker.on('error', (err) => logger.error({ queue: name, err: err.message }, 'worker error'));
    metrics?.watch(worker, queues[name]!);
    return worker;
  });

  await queues.maintenance!.upsertJobScheduler('sweep', { every: config.jobs.sweepEveryMs }, { name: 'sweep', data: {} });
  await queues.maintenance!.upsertJobScheduler(
    'sla-watch', { pattern: config.jobs.slaWatchCron, tz: 'Asia/Jakarta' }, { name: 'sla-watch', data: {} },
  );
  // The case managers' watch keeps the SLA watch's rhythm: an SLA "coming due" needs the same resolution.
  await queues.maintenance!.upsertJobScheduler(
    'case-watch', { pattern: config.jobs.slaWatchCron, tz: 'Asia/Jakarta' }, { name: 'case-watch', data: {} },
  );
  await queues.maintenance!.upsertJobScheduler(
    'retention', { pattern: config.retention.cron, tz: 'Asia/Jakarta' }, { name: 'retention', data: {} },
  );
  logger.info({ jobs: Object.keys(JOBS).length }, 'workers started');
  return { workers, queues };
}
