import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { AlertModel } from '../src/db/models/alert.model';
import { ReportModel } from '../src/db/models/report.model';
import { createQueues } from '../src/queue/queues';
import { startFakeTelegram, type FakeTelegram } from '../test/fakes/telegram-bot-api';
import type { ReporterResult } from '../test/support/reporter-sim';
import {
  addOnCall, log, nextPrefix, ONCALL_CHAT, REDIS_URL, reportAll, sleep, startBots, startWorker, stop, useDatabase,
} from './harness';
import { outbound } from './outbound';
import { spread } from './stats';

// The pipeline as a reporter and the on-call worker live it: N reporters at once with the worker running, a fifth of
// them saying the child is in danger right now. Confirm → `queued`, and danger "yes" → the on-call alert sent.

/** Resolves when the prefix's queues hold nothing due now (escalations wait ten minutes as delayed jobs: not counted). */
async function untilQueuesIdle(prefix: string, timeoutMs: number): Promise<void> {
  // Watching Redis, not polling the database: on FerretDB a query on tickets reads every report, and polling it
  // twice a second slowed the very pipeline it measured.
  const watch = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queues = createQueues(watch, prefix, ['reports', 'alerts', 'outbound']);
  const busy = async () => {
    const counts = await Promise.all(Object.entries(queues).map(([name, q]) =>
      q!.getJobCounts('waiting', 'active', 'prioritized', ...(name === 'outbound' ? ['delayed' as const] : []))));
    return counts.reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
  };
  const deadline = Date.now() + timeoutMs;
  do await sleep(250);
  while ((await busy()) > 0 && Date.now() < deadline);
  await Promise.all(Object.values(queues).map((q) => q!.close()));
  watch.disconnect();
}

async function alertTimes(fake: FakeTelegram, dangerous: Map<string, ReporterResult>) {
  const sentMs: number[] = [];
  const recordedMs: number[] = [];
  const sent = fake.calls('sendMessage').filter((c) => String(c.params.chat_id) === String(ONCALL_CHAT));
  const reports: { ticket: string; intakeKey: string }[] =
    await ReportModel.find({ ticket: { $in: [...dangerous.keys()] } }, { ticket: 1, intakeKey: 1 }).lean();
  for (const r of reports) {
    const dangerAt = dangerous.get(r.ticket)!.dangerSentAt!;
    const alert = await AlertModel.findOne({ subject: `draft-${r.intakeKey.replace(/^draft:/, '')}`, level: 0 }, { _id: 1, createdAt: 1 }).lean();
    const call = alert && sent.find((c) => String(c.params.text).includes(alert._id.toHexString()));
    if (call) sentMs.push(call.at - dangerAt);
    if (alert?.createdAt) recordedMs.push(alert.createdAt.getTime() - dangerAt);
  }
  return { sentMs, recordedMs };
}

/** One pipeline run at size `n` on a database of its own; with `withOutbound`, then the staff-reply drain. */
export async function pipelineAt(n: number, withOutbound: boolean) {
  // A database of its own: earlier parts left reports `received` (no worker ran), and the worker's sweeper would
  // triage those too, measuring a backlog no running service has.
  await useDatabase(`pipeline${n}`);
  await addOnCall();
  const fake = await startFakeTelegram();
  const prefix = nextPrefix();
  const worker = await startWorker(fake, prefix);
  const bots = await startBots('ours', fake, { prefix });

  const { results } = await reportAll(fake, n, 0.2);
  const byTicket = new Map(results.filter((r) => r.ticket).map((r) => [r.ticket!, r]));
  await untilQueuesIdle(prefix, 120_000 + n * 100);
  const reports: { ticket: string; queuedAt?: Date | null; receivedAt: Date }[] =
    await ReportModel.find({ ticket: { $in: [...byTicket.keys()] } }, { ticket: 1, queuedAt: 1, receivedAt: 1 }).lean();
  const confirmed = reports.filter((r) => byTicket.get(r.ticket)?.confirmSentAt);
  const confirmAt = (r: { ticket: string }) => byTicket.get(r.ticket)!.confirmSentAt!;
  const dangerous = new Map([...byTicket].filter(([, r]) => r.persona.danger && r.dangerSentAt));
  const alerts = await alertTimes(fake, dangerous);
  const figures = {
    reporters: n, finished: byTicket.size, stored: reports.length, queued: reports.filter((r) => r.queuedAt).length,
    confirmToQueued: spread(confirmed.filter((r) => r.queuedAt).map((r) => r.queuedAt!.getTime() - confirmAt(r))),
    // The two halves: the bots storing the report (confirm → received), the worker routing it (received → queued).
    confirmToStored: spread(confirmed.map((r) => r.receivedAt.getTime() - confirmAt(r))),
    storedToQueued: spread(reports.filter((r) => r.queuedAt).map((r) => r.queuedAt!.getTime() - r.receivedAt.getTime())),
    dangerReporters: results.filter((r) => r.persona.danger).length,
    dangerToAlert: spread(alerts.sentMs),
    // The first half: the alert recorded by the worker (then it waits for the on-call chat's next second).
    dangerToAlertRecorded: spread(alerts.recordedMs),
  };
  log(`pipeline N=${n}: confirm→queued p50 ${figures.confirmToQueued.p50} ms p99 ${figures.confirmToQueued.p99} ms ` +
    `(${figures.queued}/${n}; p99 ${figures.confirmToStored.p99} ms to stored, ${figures.storedToQueued.p99} ms stored to queued); ` +
    `danger→alert sent p50 ${figures.dangerToAlert.p50} ms p99 ${figures.dangerToAlert.p99} ms ` +
    `(${figures.dangerToAlert.n}/${figures.dangerReporters}; p99 ${figures.dangerToAlertRecorded.p99} ms to recorded)`);
  await stop(bots);
  const sent = withOutbound ? await outbound(fake, prefix, [...byTicket.keys()]) : undefined;
  await stop(worker);
  // The processes' own log lines (ids and timings only), for reading where the time went.
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, `results/worker-pipeline${n}.log`), worker.output());
  await fake.close();
  return { pipeline: figures, outbound: sent };
}
