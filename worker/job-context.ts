import { UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../src/config';
import type { FieldCipher } from '../src/crypto/field-cipher';
import type { PacedTelegramSender } from '../src/alerts/send-alert';
import type { AlertDeps } from '../src/alerts/raise-alert';
import type { PendingAlerts } from '../src/alerts/pending-alerts';
import type { Logger } from '../src/logger';
import type { ManualTriageDeps } from '../src/reports/manual-triage';
import type { TriageStoredReportDeps } from '../src/reports/triage-stored-report';
import { JOBS, type JobName, type JobPayload } from '../src/queue/jobs';
import { enqueue, type Queues } from '../src/queue/queues';

/** What every processor may use, wired by hand in start-workers.ts. */
export interface JobContext {
  config: Config;
  logger: Logger;
  cipher: FieldCipher;
  queues: Partial<Queues>;
  /** The worker's own connection (not auto-pipelined: BullMQ shares it). */
  redis: Redis;
  /** createLookupHasher(config.crypto.lookupHashKey). */
  hasher: (value: string) => string;
  pendingAlerts: PendingAlerts;
  /** Absent when TELEGRAM_BOT_TOKEN is not set. */
  telegram?: PacedTelegramSender;
}

/** What a processor returns: stored by BullMQ as the job's return value. */
export type Outcome = { outcome: string } & Record<string, unknown>;
export type Processor = (job: Job, ctx: JobContext) => Promise<Outcome>;

/** A payload that does not match its schema will never match it: fail the job at once, without retries. */
export function parsePayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  const parsed = JOBS[name].payload.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`invalid ${name} payload: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data as JobPayload<N>;
}

export function alertDeps(ctx: JobContext): AlertDeps {
  return {
    cipher: ctx.cipher, queues: ctx.queues, adminBaseUrl: ctx.config.admin.baseUrl,
    escalateAfterMs: ctx.config.alerts.escalateAfterMs,
    telegramWaitingList: { cipher: ctx.cipher, pending: ctx.pendingAlerts, hasher: ctx.hasher },
  };
}

export function manualTriageDeps(ctx: JobContext): ManualTriageDeps {
  return { alerts: alertDeps(ctx), counter: { redis: ctx.redis, prefix: ctx.config.redis.prefix } };
}

export function triageDeps(ctx: JobContext): TriageStoredReportDeps {
  return {
    cipher: ctx.cipher,
    duplicates: { redis: ctx.redis, prefix: ctx.config.redis.prefix },
    requestAlert: (id) => enqueue(ctx.queues, 'alert', { kind: 'report', reportId: id }),
  };
}

/** This run is the job's last: a failure now is final, so what must happen after it happens here (a crash in between
 * leaves the job stalled and this run is repeated, which a `failed` event handler would not be). */
export function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/** An error's message alone, for reasons recorded on a report or an alert (never the data the error carried). */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
