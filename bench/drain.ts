import { Redis } from 'ioredis';
import { ReportModel } from '../src/db/models/report.model';
import { createQueues, enqueue } from '../src/queue/queues';
import { CATEGORIES } from '../src/reports/report-vocabulary';
import { storeReport } from '../src/reports/store-report';
import { startFakeTelegram } from '../test/fakes/telegram-bot-api';
import { makePersona } from '../test/support/reporter-sim';
import type { Running } from '../test/support/processes';
import { addOnCall, cipher, hasher, log, nextPrefix, REDIS_URL, rng, sleep, startWorker, stop, takeChats, useDatabase } from './harness';
import { jobTimesFromLog, perSecond, spread } from './stats';

// Scale-out of the worker, measured as a backlog drain: what one worker process gets through, and what a second buys.
// N reports are stored and their triage jobs queued first (as the bots process does), with the queue paused; then 1 or
// 2 worker processes start, and once all are up the queue is resumed. Throughput is the worker's, not the arrival rate.

const STORE_CONCURRENCY = 20;

/** N stored reports, a fifth of them "danger: yes" (P1: triage also asks for the on-call alert), their jobs queued. */
async function storeBacklog(n: number, prefix: string): Promise<void> {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queues = createQueues(connection, prefix, ['reports', 'alerts']);
  await queues.reports!.pause();
  const first = takeChats(n);
  let next = 0;
  await Promise.all(Array.from({ length: STORE_CONCURRENCY }, async () => {
    while (next < n) {
      const i = next++;
      const p = makePersona(rng, first + i, i < n / 5);
      const store = () => storeReport({ cipher, hasher }, {
        anonymous: false, immediateDanger: p.danger ? 'yes' : 'no', category: CATEGORIES[(p.category - 1) % CATEGORIES.length]!,
        description: p.description, child: { age: 9, ageBand: '6-12', sex: 'perempuan', name: p.childName },
        location: { desa: p.desa, placeType: 'rumah_tangga' }, occurredWhen: p.when, contactMethod: 'same_chat',
      }, { channel: 'telegram', chatId: String(p.chatId) }, { intakeKey: `draft:bench-${first + i}` });
      // Once, after a full run's pipeline part, one store failed in mongoose's casting of an empty array (cause
      // unknown, not seen again): tried a second time before the part gives up. Idempotent per intake key.
      const stored = await store().catch(store);
      await enqueue(queues, 'triage', { reportId: stored.id });
    }
  }));
  await Promise.all(Object.values(queues).map((q) => q!.close()));
  connection.disconnect();
}

export interface DrainFigures {
  workers: number;
  reports: number;
  queued: number;
  seconds: number;
  reportsPerSecond: number;
  /** ms from the queue's resume to each report's `queuedAt`: the wait a report in the backlog sits through. */
  resumeToQueued: ReturnType<typeof spread>;
  /** ms each triage job took in its worker (read from the workers' "job done" lines): the cost of one report. */
  triageJob: ReturnType<typeof spread>;
}

export async function drainWith(workers: number, n: number): Promise<DrainFigures> {
  await useDatabase(`drain${workers}`);
  await addOnCall();
  const fake = await startFakeTelegram();
  const prefix = nextPrefix();
  await storeBacklog(n, prefix);
  const procs: Running[] = [];
  for (let i = 0; i < workers; i++) procs.push(await startWorker(fake, prefix));
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const { reports } = createQueues(connection, prefix, ['reports']);
  const resumed = Date.now();
  await reports!.resume();
  const deadline = resumed + 120_000 + n * 200;
  const left = async () => Object.values(await reports!.getJobCounts('waiting', 'active', 'prioritized', 'delayed')).reduce((a, b) => a + b, 0);
  while ((await left()) > 0 && Date.now() < deadline) await sleep(100);
  const docs: { queuedAt?: Date | null }[] = await ReportModel.find({}, { queuedAt: 1 }).lean();
  const waits = docs.filter((d) => d.queuedAt).map((d) => d.queuedAt!.getTime() - resumed);
  const lastMs = Math.max(0, ...waits);
  for (const p of procs) await stop(p);
  await reports!.obliterate({ force: true }).catch(() => undefined);
  await reports!.close();
  connection.disconnect();
  await fake.close();
  const figures: DrainFigures = {
    workers, reports: n, queued: waits.length, seconds: lastMs / 1000, reportsPerSecond: perSecond(waits.length, lastMs),
    resumeToQueued: spread(waits), triageJob: spread(procs.flatMap((p) => jobTimesFromLog(p.output(), 'triage'))),
  };
  log(`drain, ${workers} worker(s): ${figures.queued}/${n} queued in ${figures.seconds.toFixed(1)} s = ${figures.reportsPerSecond} reports/s; ` +
    `resume→queued p50 ${figures.resumeToQueued.p50} ms p99 ${figures.resumeToQueued.p99} ms; triage job p50 ${figures.triageJob.p50} ms p99 ${figures.triageJob.p99} ms`);
  return figures;
}
