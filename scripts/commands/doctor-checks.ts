import type { Queue } from 'bullmq';
import { countOnCallNow } from '../../src/alerts/on-call-now';
import type { Config } from '../../src/config';
import { createFieldCipher } from '../../src/crypto/field-cipher';
import { findMissingIndexes } from '../../src/db/missing-indexes';
import { countOldFormValues } from '../../src/db/reencrypt-stored';
import { readQueueHealth } from '../../src/queue/queue-health';
import { canaryFailureLine, checkDataKeyCanary } from '../../src/runtime/data-key-canary';

// The checks of `doctor` that stand on a reachable database or Redis; doctor.ts runs the foundations first and skips
// what stands on a foundation that failed.

export interface Reached {
  config: Config;
  /** Only when Redis answered: every queue, on doctor's fail-fast connection. */
  queues: Queue[];
}

export interface Verdict {
  ok: boolean;
  detail: string;
}

export interface Check {
  name: string;
  needs: 'database' | 'redis';
  run: (reached: Reached) => Promise<Verdict>;
}

/** Missing indexes named in the line; the rest counted. */
const SHOWN = 3;

export const CHECKS: Check[] = [
  { name: 'data key', needs: 'database', run: dataKeyOpensCanary },
  { name: 'encrypted values', needs: 'database', run: noOldFormValues },
  { name: 'indexes', needs: 'database', run: indexesPresent },
  { name: 'on-call roster', needs: 'database', run: someoneOnCall },
  { name: 'queues', needs: 'redis', run: queuesRunning },
  { name: 'failed jobs', needs: 'redis', run: noFailedJobs },
];

async function dataKeyOpensCanary({ config }: Reached): Promise<Verdict> {
  const check = await checkDataKeyCanary(createFieldCipher(config.crypto), { writeIfAbsent: false });
  if (check.state === 'unreadable') return { ok: false, detail: canaryFailureLine(check) };
  if (check.state === 'absent') return { ok: true, detail: 'no canary yet (the first start of bots, worker or admin writes it)' };
  return { ok: true, detail: `decrypts the canary written ${check.writtenAt.toISOString()}` };
}

/** v1 values (not bound to their record) or values under a retired key: `reencrypt` moves them to the current form. */
async function noOldFormValues({ config }: Reached): Promise<Verdict> {
  const old = await countOldFormValues(createFieldCipher(config.crypto));
  if (!old) return { ok: true, detail: 'every value is bound to its record and sealed under the active key' };
  return { ok: false, detail: `${old} still in an old form (v1, or a retired key); run \`npm run cli -- reencrypt\`` };
}

async function indexesPresent(): Promise<Verdict> {
  const missing = await findMissingIndexes();
  if (!missing.length) return { ok: true, detail: 'every index the models declare exists' };
  const listed = missing.slice(0, SHOWN).join('; ') + (missing.length > SHOWN ? `; and ${missing.length - SHOWN} more` : '');
  return { ok: false, detail: `${missing.length} missing: ${listed} (built when a process starts: start one and read its log)` };
}

async function someoneOnCall(): Promise<Verdict> {
  const at = new Date();
  const counts = await countOnCallNow(at);
  const others = `kepala_seksi_data ${counts.kepala_seksi_data}, koordinator ${counts.koordinator}`;
  if (counts.petugas_on_call === 0) {
    return { ok: false, detail: `nobody is on call now (no petugas_on_call shift covers ${at.toISOString()}; ${others}); fill the roster on /oncall` };
  }
  return { ok: true, detail: `petugas_on_call ${counts.petugas_on_call}, ${others}` };
}

async function queuesRunning({ queues }: Reached): Promise<Verdict> {
  const health = await readQueueHealth(queues);
  const detail = health
    .map((q) => `${q.name}${q.paused ? ' PAUSED' : ''} ${q.counts.waiting} waiting/${q.counts.active} active/${q.counts.delayed} delayed`)
    .join(', ');
  return { ok: !health.some((q) => q.paused), detail };
}

async function noFailedJobs({ queues }: Reached): Promise<Verdict> {
  const health = await readQueueHealth(queues);
  const failed = health.filter((q) => q.counts.failed > 0);
  const total = failed.reduce((sum, q) => sum + q.counts.failed, 0);
  if (!total) return { ok: true, detail: 'none' };
  return { ok: false, detail: `${total} failed for good (${failed.map((q) => `${q.name} ${q.counts.failed}`).join(', ')}); see the queue board` };
}
