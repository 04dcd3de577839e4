import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/config';
import { BOUND, fieldOf } from '../src/crypto/encrypted-fields';
import { createFieldCipher } from '../src/crypto/field-cipher';
import { connectMongo } from '../src/db/connect';
import { AlertModel } from '../src/db/models/alert.model';
import { OnCallShiftModel } from '../src/db/models/on-call-shift.model';
import { ReportMessageModel } from '../src/db/models/report-message.model';
import { ReportModel } from '../src/db/models/report.model';
import { JOBS } from '../src/queue/jobs';
import { createQueues } from '../src/queue/queues';
import { startFakeTelegram, type FakeTelegram } from '../test/fakes/telegram-bot-api';
import { startOwnFerretDb } from '../test/support/own-ferretdb';
import { freePort, startProcess, type Running } from '../test/support/processes';
import { createPrng } from '../test/support/prng';
import { makePersona, runReporter, type ReporterResult } from '../test/support/reporter-sim';
import { telegramReporterChannel } from '../test/support/telegram-reporters';

// `npm run bench`: one run of the figures issue 7 asks for, printed and written to bench/results/latest.json.
// Real bots and worker processes on the shared Redis (own prefix) and a FerretDB of the bench's own (SQLite in
// /dev/shm: the disk fsync per write is FerretDB's cost, not ours; production runs MongoDB), Telegram faked.
// BENCH_SIZES (default 50,200,1000), BENCH_OUTBOUND (2000), BENCH_DRAFTS (10000) shrink a run for a quick look;
// BENCH_ONLY=intake|pipeline|memory runs one part; BENCH_BOTS_NODE_ARGS / BENCH_WORKER_NODE_ARGS / BENCH_NODE_OPTIONS
// pass flags to the processes (profiling); BENCH_STEP_LATENCIES=1 prints reply p50/p99 for each question in turn.

const SIZES = (process.env.BENCH_SIZES ?? '50,200,1000').split(',').map(Number);
const OUTBOUND = Number(process.env.BENCH_OUTBOUND ?? 2000);
const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 10_000);
const PIPELINE_N = 200;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ONCALL_CHAT = 770_000_001;

const run = `bench${Date.now().toString(36)}`;
const env: Record<string, string> = {
  NODE_ENV: 'production', LOG_LEVEL: 'info', REDIS_URL,
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'), LOOKUP_HASH_KEY: randomBytes(32).toString('base64'),
  MEDIA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'lapor-bench-media-')), DISTRICT_ONCALL_PHONE: '0737-123-456',
  // Every reporter here is a different person typing as fast as the bot answers: the abuse limits stay out of the way.
  INTAKE_MESSAGES_PER_MINUTE: '100000', INTAKE_REPORTS_PER_DAY: '100000',
};
const config = loadConfig({ ...process.env, ...env });
const cipher = createFieldCipher(config.crypto);
const rng = createPrng(7);
let nextChat = 600_000_000;

const pct = (values: number[], p: number) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};
const log = (line: string) => process.stdout.write(`${line}\n`);

/** RSS of a process in MB (the service itself: started with `node --import tsx`, no wrapper). */
function rssMb(pid: number | undefined): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 102.4) / 10;
}

function sampleRss(proc: Running): { stop(): number } {
  let max = rssMb(proc.child.pid);
  const timer = setInterval(() => {
    try {
      max = Math.max(max, rssMb(proc.child.pid));
    } catch {
      // exited
    }
  }, 200);
  return { stop: () => (clearInterval(timer), max) };
}

/** Node flags for one of our processes, e.g. BENCH_BOTS_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
const nodeArgs = (which: 'BOTS' | 'WORKER') => (process.env[`BENCH_${which}_NODE_ARGS`] ?? '').split(' ').filter(Boolean);

let phase = 0;
/** A fresh key prefix per phase: each phase has a fresh fake Telegram, whose update ids start at 1 again. */
const nextPrefix = () => `${run}-${++phase}`;

async function startBots(kind: 'ours' | 'baseline', fake: FakeTelegram, prefix = nextPrefix()): Promise<Running> {
  const proc = kind === 'ours'
    ? startProcess('bots/main.ts', { ...env, NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? '', REDIS_PREFIX: prefix, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, BOTS_PORT: String(await freePort()) }, nodeArgs('BOTS'))
    : startProcess('bench/baseline-bot.ts', { BASELINE_TOKEN: fake.token, BASELINE_API_ROOT: fake.apiRoot, BASELINE_REDIS_URL: REDIS_URL, BASELINE_PREFIX: prefix });
  const ready = kind === 'ours' ? /"bots ready"|bots ready/ : /baseline ready/;
  const deadline = Date.now() + 60_000;
  while (!ready.test(proc.output())) {
    if (Date.now() > deadline || proc.child.exitCode !== null) throw new Error(`${kind} bot did not start:\n${proc.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return proc;
}

async function stop(proc: Running): Promise<void> {
  if (proc.child.exitCode !== null) return;
  proc.child.kill('SIGTERM');
  await proc.exited;
}

interface IntakeFigures {
  reporters: number;
  finished: number;
  messages: number;
  seconds: number;
  messagesPerSecond: number;
  replyMsP50: number | null;
  replyMsP99: number | null;
  botPeakRssMb: number;
}

async function reportAll(fake: FakeTelegram, n: number, dangerShare = 0): Promise<{ results: ReporterResult[]; seconds: number }> {
  const channel = telegramReporterChannel(fake, 60_000);
  const personas = Array.from({ length: n }, (_, i) => makePersona(rng, nextChat++, i < n * dangerShare));
  const started = Date.now();
  const results = await Promise.all(personas.map((p) => runReporter(channel, p, { deadlineMs: 300_000 })));
  channel.stop();
  return { results, seconds: (Date.now() - started) / 1000 };
}

async function intake(kind: 'ours' | 'baseline', n: number): Promise<IntakeFigures> {
  const fake = await startFakeTelegram();
  const bots = await startBots(kind, fake);
  const rss = sampleRss(bots);
  const { results, seconds } = await reportAll(fake, n);
  const peak = rss.stop();
  await stop(bots);
  await fake.close();
  const messages = results.reduce((s, r) => s + r.messagesSent, 0);
  const latencies = results.flatMap((r) => r.latencies);
  if (process.env.BENCH_STEP_LATENCIES) {
    const steps = Math.max(...results.map((r) => r.latencies.length));
    log(Array.from({ length: steps }, (_, i) => `${i}:${pct(results.map((r) => r.latencies[i]!).filter((x) => x !== undefined), 0.5)}/${pct(results.map((r) => r.latencies[i]!).filter((x) => x !== undefined), 0.99)}`).join(' '));
  }
  const figures = {
    reporters: n, finished: results.filter((r) => r.ticket).length, messages, seconds,
    messagesPerSecond: Math.round(messages / seconds), replyMsP50: pct(latencies, 0.5), replyMsP99: pct(latencies, 0.99), botPeakRssMb: peak,
  };
  log(`intake ${kind} N=${n}: ${figures.messagesPerSecond} msg/s, reply p50 ${figures.replyMsP50} ms p99 ${figures.replyMsP99} ms, ` +
    `peak RSS ${peak} MB, ${figures.finished}/${n} finished in ${seconds.toFixed(1)} s`);
  return figures;
}

async function pipelineAndOutbound() {
  // A database of its own: the intake rounds left their reports `received` (no worker ran), and the worker's sweeper
  // would triage those too, measuring a backlog no running service has.
  await mongoose.disconnect();
  env.MONGODB_URI = ferret!.uri(`${run}-pipeline`);
  await connectMongo(env.MONGODB_URI);
  await Promise.all([ReportModel.init(), AlertModel.init(), OnCallShiftModel.init()]);
  const fake = await startFakeTelegram();
  const shiftId = new Types.ObjectId();
  await OnCallShiftModel.create({
    _id: shiftId, userId: 'bench-oncall', role: 'petugas_on_call', channel: 'telegram',
    address: cipher.encrypt(String(ONCALL_CHAT), fieldOf(BOUND.onCallShifts, shiftId, 'address')),
    from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 24 * 3600_000),
  });
  const prefix = nextPrefix();
  const worker = startProcess('worker/main.ts', { ...env, NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? '', REDIS_PREFIX: prefix, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, WORKER_PORT: String(await freePort()) }, nodeArgs('WORKER'));
  const bots = await startBots('ours', fake, prefix);

  // Pipeline: PIPELINE_N reporters at once, a fifth of them saying the child is in danger right now.
  const { results } = await reportAll(fake, PIPELINE_N, 0.2);
  const tickets = results.filter((r) => r.ticket);
  const byTicket = new Map(tickets.map((r) => [r.ticket!, r]));
  // Wait by watching the queues in Redis, not by polling the database: on FerretDB a query on tickets reads every
  // report, and polling it twice a second slowed the very pipeline it measured.
  const watch = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const watched = createQueues(watch, prefix, ['reports', 'alerts', 'outbound']);
  // Escalations wait ten minutes in `alerts` as delayed jobs: only what is due now counts.
  const busy = async () => {
    const counts = await Promise.all(Object.entries(watched).map(([name, q]) =>
      q!.getJobCounts('waiting', 'active', 'prioritized', ...(name === 'outbound' ? ['delayed' as const] : []))));
    return counts.reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
  };
  const deadline = Date.now() + 120_000;
  do await new Promise((r) => setTimeout(r, 250));
  while ((await busy()) > 0 && Date.now() < deadline);
  await Promise.all(Object.values(watched).map((q) => q!.close()));
  watch.disconnect();
  const reports: { ticket: string; queuedAt?: Date | null; receivedAt: Date; intakeKey: string }[] =
    await ReportModel.find({ ticket: { $in: [...byTicket.keys()] } }, { ticket: 1, queuedAt: 1, receivedAt: 1, intakeKey: 1 }).lean();
  const toQueued = reports.filter((r) => r.queuedAt && byTicket.get(r.ticket)?.confirmSentAt)
    .map((r) => r.queuedAt!.getTime() - byTicket.get(r.ticket)!.confirmSentAt!);

  const alertMs: number[] = [];
  const raisedMs: number[] = [];
  const sent = fake.calls('sendMessage').filter((c) => String(c.params.chat_id) === String(ONCALL_CHAT));
  for (const r of reports) {
    const reporter = byTicket.get(r.ticket)!;
    if (!reporter.persona.danger || !reporter.dangerSentAt) continue;
    const alert = await AlertModel.findOne({ subject: `draft-${r.intakeKey.replace(/^draft:/, '')}`, level: 0 }, { _id: 1, createdAt: 1 }).lean();
    const call = alert && sent.find((c) => String(c.params.text).includes(alert._id.toHexString()));
    if (call) alertMs.push(call.at - reporter.dangerSentAt);
    if (alert?.createdAt) raisedMs.push(alert.createdAt.getTime() - reporter.dangerSentAt);
  }
  const pipeline = {
    reporters: PIPELINE_N, finished: tickets.length, queued: toQueued.length,
    confirmToQueuedMsP50: pct(toQueued, 0.5), confirmToQueuedMsP99: pct(toQueued, 0.99),
    // The two halves: the bots storing the report (confirm → received), the worker routing it (received → queued).
    confirmToReceivedMsP99: pct(reports.filter((r) => byTicket.get(r.ticket)?.confirmSentAt).map((r) => r.receivedAt.getTime() - byTicket.get(r.ticket)!.confirmSentAt!), 0.99),
    receivedToQueuedMsP99: pct(reports.filter((r) => r.queuedAt).map((r) => r.queuedAt!.getTime() - r.receivedAt.getTime()), 0.99),
    dangerReporters: results.filter((r) => r.persona.danger).length, alertsSeen: alertMs.length,
    dangerToAlertMsP50: pct(alertMs, 0.5), dangerToAlertMsP99: pct(alertMs, 0.99),
    // The first half: the alert recorded by the worker (then it waits for the on-call chat's next second).
    dangerToAlertRecordedMsP99: pct(raisedMs, 0.99),
  };
  log(`pipeline N=${PIPELINE_N}: confirm→queued p50 ${pipeline.confirmToQueuedMsP50} ms p99 ${pipeline.confirmToQueuedMsP99} ms (${toQueued.length}; p99 ${pipeline.confirmToReceivedMsP99} ms to stored, ${pipeline.receivedToQueuedMsP99} ms stored to queued); ` +
    `danger→alert sent p50 ${pipeline.dangerToAlertMsP50} ms p99 ${pipeline.dangerToAlertMsP99} ms (${alertMs.length}/${pipeline.dangerReporters}; p99 ${pipeline.dangerToAlertRecordedMsP99} ms to recorded)`);
  await stop(bots);

  // Outbound: OUTBOUND staff replies to the reporters' chats, queued at once, drained by the worker.
  const withAddress = await ReportModel.find({ ticket: { $in: [...byTicket.keys()] }, replyAddress: { $exists: true } }, { _id: 1, replyAddress: 1 }).lean();
  const chats = new Set(withAddress.map((r) => cipher.decrypt(r.replyAddress!, fieldOf(BOUND.reports, r._id, 'replyAddress'))));
  const messages = await ReportMessageModel.insertMany(Array.from({ length: OUTBOUND }, (_, i) => {
    const _id = new Types.ObjectId();
    return {
      _id, reportId: withAddress[i % withAddress.length]!._id, direction: 'out', by: 'bench', status: 'queued',
      text: cipher.encrypt(`Balasan petugas ${i}`, fieldOf(BOUND.reportMessages, _id, 'text')),
    };
  }));
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queues = createQueues(connection, prefix, ['outbound']);
  const started = Date.now();
  await queues.outbound!.addBulk(messages.map((m, i) => ({
    name: 'staff_reply', data: { reportId: String(withAddress[i % withAddress.length]!._id), messageId: String(m._id) },
    opts: { jobId: `reply-${m._id}`, attempts: 5, backoff: { type: 'exponential', delay: 1000 }, ...JOBS.staff_reply.options },
  })));
  const outboundCalls = () => fake.calls('sendMessage').filter((c) => c.at >= started && chats.has(String(c.params.chat_id)));
  const drainDeadline = Date.now() + 240_000;
  while (outboundCalls().length < OUTBOUND && Date.now() < drainDeadline) await new Promise((r) => setTimeout(r, 500));
  const calls = outboundCalls();
  const seconds = ((calls.at(-1)?.at ?? Date.now()) - started) / 1000;
  const maxInWindow = (times: number[]) => {
    let best = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= 1000) j++;
      best = Math.max(best, i - j + 1);
    }
    return best;
  };
  const perChat = new Map<string, number[]>();
  for (const c of calls) perChat.set(String(c.params.chat_id), [...(perChat.get(String(c.params.chat_id)) ?? []), c.at]);
  const gaps = [...perChat.values()].flatMap((t) => t.slice(1).map((at, i) => at - t[i]!));
  const outbound = {
    messages: OUTBOUND, chats: chats.size, delivered: calls.length, seconds,
    maxPerSecondOverall: maxInWindow(calls.map((c) => c.at)),
    maxPerSecondOneChat: Math.max(0, ...[...perChat.values()].map(maxInWindow)),
    minGapOneChatMs: gaps.length ? Math.min(...gaps) : null,
    limits: { overallPerSecond: 30, perChatPerSecond: 1 },
  };
  log(`outbound: ${calls.length}/${OUTBOUND} to ${chats.size} chats in ${seconds.toFixed(1)} s; highest ${outbound.maxPerSecondOverall}/s overall, ` +
    `${outbound.maxPerSecondOneChat}/s in one chat (closest two sends to one chat ${outbound.minGapOneChatMs} ms)`);
  await queues.outbound!.obliterate({ force: true }).catch(() => undefined);
  await queues.outbound!.close();
  connection.disconnect();
  await stop(worker);
  // The processes' own log lines (ids and timings only), for reading where the time went.
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results/worker.log'), worker.output());
  await fake.close();
  return { pipeline, outbound };
}

async function memoryWithOpenDrafts() {
  const fake = await startFakeTelegram();
  const prefix = nextPrefix();
  const bots = await startBots('ours', fake, prefix);
  const redis = new Redis(REDIS_URL);
  const channel = telegramReporterChannel(fake, 60_000);
  await new Promise((r) => setTimeout(r, 1000));
  const before = rssMb(bots.child.pid);
  let next = 0;
  const firstChat = nextChat;
  nextChat += DRAFTS;
  // 100 people at a time each open a report (greeting answered: consent given) and then say nothing more.
  // RSS at a fifth of the drafts as well: flat from there on means no draft is held in the process (they are in Redis).
  let atFifth = 0;
  await Promise.all(Array.from({ length: 100 }, async () => {
    while (next < DRAFTS) {
      const chat = firstChat + next++;
      if (next === Math.floor(DRAFTS / 5)) atFifth = rssMb(bots.child.pid);
      await channel(chat, 'halo');
      await channel(chat, 'ya');
    }
  }));
  channel.stop();
  await new Promise((r) => setTimeout(r, 2000));
  const after = rssMb(bots.child.pid);
  let drafts = 0;
  let cursor = '0';
  do {
    const [c, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:intake:draft:*`, 'COUNT', 1000);
    cursor = c;
    drafts += keys.length;
  } while (cursor !== '0');
  redis.disconnect();
  await stop(bots);
  await fake.close();
  const memory = { openDrafts: drafts, botRssBeforeMb: before, botRssAtFifthMb: atFifth, botRssAfterMb: after };
  log(`memory: ${drafts} open drafts; bot RSS ${before} MB before, ${atFifth} MB at ${Math.floor(DRAFTS / 5)} drafts, ${after} MB after`);
  return memory;
}

let ferret: Awaited<ReturnType<typeof startOwnFerretDb>> | undefined;

async function main(): Promise<void> {
  const started = Date.now();
  ferret = await startOwnFerretDb();
  env.MONGODB_URI = ferret.uri(run);
  await connectMongo(env.MONGODB_URI);
  await ReportModel.init();
  log(`bench ${run}: FerretDB on ${ferret.backend}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}`);
  const intakeFigures: Record<string, { ours: IntakeFigures; baseline: IntakeFigures; ratio: { messagesPerSecond: number; replyMsP99: number | null; rss: number } }> = {};
  for (const n of ['pipeline', 'memory'].includes(process.env.BENCH_ONLY ?? '') ? [] : SIZES) {
    const ours = await intake('ours', n);
    const baseline = await intake('baseline', n);
    const ratio = {
      messagesPerSecond: Math.round((ours.messagesPerSecond / baseline.messagesPerSecond) * 100) / 100,
      replyMsP99: ours.replyMsP99 !== null && baseline.replyMsP99 ? Math.round((ours.replyMsP99 / baseline.replyMsP99) * 100) / 100 : null,
      rss: Math.round((ours.botPeakRssMb / baseline.botPeakRssMb) * 100) / 100,
    };
    log(`intake N=${n}: ours/baseline msg/s ${ratio.messagesPerSecond}, p99 ${ratio.replyMsP99}, RSS ${ratio.rss}`);
    intakeFigures[String(n)] = { ours, baseline, ratio };
  }
  // BENCH_ONLY=intake: the intake rounds alone (for profiling, e.g. BENCH_BOTS_NODE_ARGS=--cpu-prof).
  if (process.env.BENCH_ONLY === 'intake') return;
  if (process.env.BENCH_ONLY === 'memory') return void (await memoryWithOpenDrafts());
  const { pipeline, outbound } = await pipelineAndOutbound();
  if (process.env.BENCH_ONLY === 'pipeline') return;
  const memory = await memoryWithOpenDrafts();

  const result = {
    at: new Date().toISOString(), database: `FerretDB 1.24 on ${ferret?.backend}`,
    machine: { cores: os.cpus().length, loadAvg: os.loadavg(), node: process.version },
    intake: intakeFigures, pipeline, outbound, memory,
    targets: {
      confirmToQueuedP99Under1s: (pipeline.confirmToQueuedMsP99 ?? Infinity) < 1000,
      alertP99Under3s: (pipeline.dangerToAlertMsP99 ?? Infinity) < 3000,
      intakeAtLeast08xBaseline: Object.values(intakeFigures).every((f) => f.ratio.messagesPerSecond >= 0.8),
      outboundWithinLimits: outbound.maxPerSecondOverall <= 30 && outbound.maxPerSecondOneChat <= 1,
    },
    seconds: Math.round((Date.now() - started) / 1000),
  };
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results/latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  log(`targets: ${JSON.stringify(result.targets)}`);
  log(`written to bench/results/latest.json (${result.seconds} s)`);
}

main()
  .catch((err) => {
    process.stderr.write(`bench failed: ${(err as Error).stack}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await mongoose.disconnect();
    await ferret?.stop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${run}-*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    redis.disconnect();
    fs.rmSync(env.MEDIA_DIR!, { recursive: true, force: true });
    process.exit();
  });
