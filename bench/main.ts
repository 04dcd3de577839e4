import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { drainWith } from './drain';
import { env, log, REDIS_URL, run, startDatabase, stopDatabase } from './harness';
import { intakeAt } from './intake';
import { memoryWithOpenDrafts } from './memory';
import { pipelineAt } from './pipeline';
import { ratio, sizes, targetsMet } from './stats';
import { webhookWith } from './webhook';

// `npm run bench`: one run of the figures issues 7 and 15 ask for, printed and written to bench/results/latest.json.
// Real bots and worker processes on the shared Redis (own key prefix, only its own keys deleted) and a FerretDB of the
// bench's own on a free port (the backend services.sh picks), Telegram faked. The parts, each in bench/<part>.ts:
//   intake    BENCH_SIZES (50,200,1000) reporters at once, ours beside the baseline bot, and the ratios
//   pipeline  BENCH_PIPELINE_SIZES (200,1000) reporters with the worker: confirm → queued, danger → alert sent;
//             after the first size, BENCH_OUTBOUND (2000) staff replies drained
//   drain     BENCH_DRAIN_N (1000) stored reports drained by 1, then 2 worker processes
//   webhook   BENCH_WEBHOOK_N (1000) reporters through 1, then 2 bots processes in webhook mode behind one address
//             (BENCH_WEBHOOK=0 leaves it out)
//   memory    BENCH_DRAFTS (10000) open drafts in one bots process: RSS, and what holds it
// BENCH_N=50 sets every size to 50 (a quick look); BENCH_ONLY=<part>[,<part>] runs those and writes only-<part>.json;
// BENCH_BOTS_NODE_ARGS / BENCH_WORKER_NODE_ARGS / BENCH_NODE_OPTIONS pass flags to the processes (profiling);
// BENCH_STEP_LATENCIES=1 prints reply p50/p99 for each question in turn.

const one = process.env.BENCH_N;
const SIZES = sizes(one ?? process.env.BENCH_SIZES, [50, 200, 1000]);
const PIPELINE_SIZES = sizes(one ?? process.env.BENCH_PIPELINE_SIZES, [200, 1000]);
const DRAIN_N = sizes(one ?? process.env.BENCH_DRAIN_N, [1000])[0]!;
const WEBHOOK_N = sizes(one ?? process.env.BENCH_WEBHOOK_N, [1000])[0]!;
const PARTS = ['intake', 'pipeline', 'drain', 'webhook', 'memory'] as const;
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const runs = (part: (typeof PARTS)[number]) =>
  only.length ? only.includes(part) : part !== 'webhook' || process.env.BENCH_WEBHOOK !== '0';

const load = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

/** The error in words, with a validation error's own causes (one a field: its message names only the first). */
function describe(err: unknown): string {
  const causes = Object.entries((err as { errors?: Record<string, { reason?: Error }> }).errors ?? {})
    .map(([field, e]) => `\n  ${field}: ${e.reason?.stack ?? e.reason}`);
  return `${err instanceof Error ? err.stack : String(err)}${causes.join('')}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const backend = await startDatabase();
  const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAvgAtStart: load() };
  log(`bench ${run}: FerretDB on ${backend}, ${machine.cores} cores, load ${machine.loadAvgAtStart.join(' ')}, node ${process.version}`);
  const intake: Record<string, Awaited<ReturnType<typeof intakeAt>>> = {};
  const pipeline: Awaited<ReturnType<typeof pipelineAt>>['pipeline'][] = [];
  let outbound: Awaited<ReturnType<typeof pipelineAt>>['outbound'];
  let drain: Awaited<ReturnType<typeof drainWith>>[] | undefined;
  let webhook: Awaited<ReturnType<typeof webhookWith>>[] | undefined;
  let memory: Awaited<ReturnType<typeof memoryWithOpenDrafts>> | undefined;
  // A part that fails is recorded and the run goes on: one part's fault never costs the others' figures.
  const failed: Record<string, string> = {};
  const file = only.length ? `only-${only.join('-')}.json` : 'latest.json';

  // Written after every part: a run stopped halfway still leaves what it measured.
  const write = () => {
    const targets = {
      ...targetsMet({ intake: Object.values(intake).map((f) => f.ratio), pipeline, memory }),
      outboundWithinLimits: outbound ? outbound.maxPerSecondOverall <= 30 && outbound.maxPerSecondOneChat <= 1 : null,
    };
    const result = {
      at: new Date().toISOString(), database: `FerretDB 1.24 on ${backend}`, backend,
      machine: { ...machine, loadAvgAtEnd: load() },
      intake, pipeline, outbound, drain, webhook, memory,
      // What one more process buys: the second's figures over the first's.
      scaleOut: {
        workerReportsPerSecond2over1: drain?.length === 2 ? ratio(drain[1]!.reportsPerSecond, drain[0]!.reportsPerSecond) : null,
        botsMessagesPerSecond2over1: webhook?.length === 2 ? ratio(webhook[1]!.messagesPerSecond, webhook[0]!.messagesPerSecond) : null,
      },
      targets, failed,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'results', file), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  };
  const part = async (name: (typeof PARTS)[number], measure: () => Promise<void>) => {
    if (!runs(name)) return;
    try {
      await measure();
    } catch (err) {
      failed[name] = describe(err);
      log(`${name} failed: ${failed[name]}`);
    }
    write();
  };

  await part('intake', async () => {
    for (const n of SIZES) intake[String(n)] = await intakeAt(n);
  });
  await part('pipeline', async () => {
    for (const [i, n] of PIPELINE_SIZES.entries()) {
      const measured = await pipelineAt(n, i === 0);
      pipeline.push(measured.pipeline);
      outbound ??= measured.outbound;
    }
  });
  await part('drain', async () => {
    drain = [await drainWith(1, DRAIN_N)];
    drain.push(await drainWith(2, DRAIN_N));
  });
  await part('webhook', async () => {
    webhook = [await webhookWith(1, WEBHOOK_N)];
    webhook.push(await webhookWith(2, WEBHOOK_N));
  });
  await part('memory', async () => {
    memory = await memoryWithOpenDrafts();
  });

  const result = write();
  log(`scale-out: ${JSON.stringify(result.scaleOut)}; load ${machine.loadAvgAtStart.join(' ')} at start, ${result.machine.loadAvgAtEnd.join(' ')} at end`);
  log(`targets: ${JSON.stringify(result.targets)}`);
  log(`written to bench/results/${file} (${result.seconds} s)${Object.keys(failed).length ? `; failed: ${Object.keys(failed).join(', ')}` : ''}`);
  if (Object.keys(failed).length) process.exitCode = 1;
}

main()
  .catch((err) => {
    process.stderr.write(`bench failed: ${describe(err)}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await mongoose.disconnect();
    await stopDatabase();
    // Only this run's keys: the Redis server is shared with the tests and whatever else runs here.
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${run}-*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    redis.disconnect();
    fs.rmSync(env.MEDIA_DIR!, { recursive: true, force: true });
    process.exit();
  });
