import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { loadConfig } from '../src/config';
import { BOUND, fieldOf } from '../src/crypto/encrypted-fields';
import { createFieldCipher, createLookupHasher } from '../src/crypto/field-cipher';
import { connectMongo } from '../src/db/connect';
import { AlertModel } from '../src/db/models/alert.model';
import { OnCallShiftModel } from '../src/db/models/on-call-shift.model';
import { ReportModel } from '../src/db/models/report.model';
import type { FakeTelegram } from '../test/fakes/telegram-bot-api';
import { startOwnFerretDb } from '../test/support/own-ferretdb';
import { freePort, startProcess, type Running } from '../test/support/processes';
import { createPrng } from '../test/support/prng';
import { makePersona, runReporter, type ReporterResult } from '../test/support/reporter-sim';
import { telegramReporterChannel } from '../test/support/telegram-reporters';

// What every part of the bench shares: one run id, the processes' environment, the bench's own FerretDB, and the
// helpers that start our processes and drive reporters at them. Redis is the shared server: every key of a run
// starts with `${run}-`, and main.ts deletes those keys (and only those) at the end.

export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ONCALL_CHAT = 770_000_001;
export const run = `bench${Date.now().toString(36)}`;
export const env: Record<string, string> = {
  NODE_ENV: 'production', LOG_LEVEL: 'info', REDIS_URL,
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'), LOOKUP_HASH_KEY: randomBytes(32).toString('base64'),
  MEDIA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'lapor-bench-media-')), DISTRICT_ONCALL_PHONE: '0737-123-456',
  // Every reporter here is a different person typing as fast as the bot answers: the abuse limits stay out of the way.
  INTAKE_MESSAGES_PER_MINUTE: '100000', INTAKE_REPORTS_PER_DAY: '100000',
};
const config = loadConfig({ ...process.env, ...env });
export const cipher = createFieldCipher(config.crypto);
export const hasher = createLookupHasher(config.crypto.lookupHashKey);
export const rng = createPrng(7);
let nextChat = 600_000_000;
/** Fresh chat ids: no two reporters of a run share one. */
export const takeChats = (n: number) => ((nextChat += n), nextChat - n);

export const log = (line: string) => process.stdout.write(`${line}\n`);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let ferret: Awaited<ReturnType<typeof startOwnFerretDb>> | undefined;
/** The bench's own FerretDB (never the shared one on 27017), on the backend services.sh would pick. */
export async function startDatabase(): Promise<string> {
  ferret = await startOwnFerretDb();
  await useDatabase('intake');
  return ferret.backend;
}
export const stopDatabase = async () => ferret?.stop();

/** Points the processes started from now on, and this one, at a database of its own for one part of the run. */
export async function useDatabase(name: string): Promise<void> {
  if (mongoose.connection.readyState) await mongoose.disconnect();
  env.MONGODB_URI = ferret!.uri(`${run}-${name}`);
  await connectMongo(env.MONGODB_URI);
  await Promise.all([ReportModel.init(), AlertModel.init(), OnCallShiftModel.init()]);
}

/** The on-call worker every danger alert of a part goes to. */
export async function addOnCall(): Promise<void> {
  const _id = new Types.ObjectId();
  await OnCallShiftModel.create({
    _id, userId: 'bench-oncall', role: 'petugas_on_call', channel: 'telegram',
    address: cipher.encrypt(String(ONCALL_CHAT), fieldOf(BOUND.onCallShifts, _id, 'address')),
    from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 24 * 3600_000),
  });
}

/** RSS of a process in MB (the service itself: started with `node --import tsx`, no wrapper). */
export function rssMb(pid: number | undefined): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 102.4) / 10;
}

/**
 * CPU time (ms, user + system) a process has used so far, from /proc: what one message costs it, whatever else runs
 * on the machine (throughput and latency on a shared machine follow the load; CPU per message much less).
 */
export function cpuMs(pid: number | undefined): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS = 100;

export function sampleRss(proc: Running): { stop(): number } {
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
export const nodeArgs = (which: 'BOTS' | 'WORKER') => (process.env[`BENCH_${which}_NODE_ARGS`] ?? '').split(' ').filter(Boolean);

let phase = 0;
/** A fresh key prefix per phase: each phase has a fresh fake Telegram, whose update ids start at 1 again. */
export const nextPrefix = () => `${run}-${++phase}`;

/** Resolves once the process has printed `ready`; throws with its output if it exits or takes over a minute. */
export async function waitFor(proc: Running, ready: RegExp, what: string): Promise<Running> {
  const deadline = Date.now() + 60_000;
  while (!ready.test(proc.output())) {
    if (Date.now() > deadline || proc.child.exitCode !== null) throw new Error(`${what} did not start:\n${proc.output().slice(-2000)}`);
    await sleep(100);
  }
  return proc;
}

export interface BotsOptions {
  prefix?: string;
  /** Extra settings, e.g. the webhook URL and secret. */
  extra?: Record<string, string>;
  port?: number;
  args?: string[];
}

export async function startBots(kind: 'ours' | 'baseline', fake: FakeTelegram, opts: BotsOptions = {}): Promise<Running> {
  const prefix = opts.prefix ?? nextPrefix();
  const proc = kind === 'ours'
    ? startProcess('bots/main.ts', {
      ...env, NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? '', REDIS_PREFIX: prefix, TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot, BOTS_PORT: String(opts.port ?? (await freePort())), ...opts.extra,
    }, [...nodeArgs('BOTS'), ...(opts.args ?? [])])
    : startProcess('bench/baseline-bot.ts', { BASELINE_TOKEN: fake.token, BASELINE_API_ROOT: fake.apiRoot, BASELINE_REDIS_URL: REDIS_URL, BASELINE_PREFIX: prefix });
  return waitFor(proc, kind === 'ours' ? /bots ready/ : /baseline ready/, `${kind} bot`);
}

export async function startWorker(fake: FakeTelegram, prefix: string): Promise<Running> {
  const proc = startProcess('worker/main.ts', {
    ...env, NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? '', REDIS_PREFIX: prefix, TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot, WORKER_PORT: String(await freePort()),
  }, nodeArgs('WORKER'));
  return waitFor(proc, /worker ready/, 'worker');
}

export async function stop(proc: Running): Promise<void> {
  if (proc.child.exitCode !== null) return;
  proc.child.kill('SIGTERM');
  await proc.exited;
}

/** `n` reporters at once through the fake Telegram, each to a ticket; `dangerShare` of them say the child is in danger. */
export async function reportAll(fake: FakeTelegram, n: number, dangerShare = 0): Promise<{ results: ReporterResult[]; seconds: number }> {
  const channel = telegramReporterChannel(fake, 60_000);
  const first = takeChats(n);
  const personas = Array.from({ length: n }, (_, i) => makePersona(rng, first + i, i < n * dangerShare));
  const started = Date.now();
  const results = await Promise.all(personas.map((p) => runReporter(channel, p, { deadlineMs: 300_000 })));
  channel.stop();
  return { results, seconds: (Date.now() - started) / 1000 };
}
