import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { connectMongo } from '../../src/db/connect';
import { createLookupHasher } from '../../src/crypto/field-cipher';
import { ReportModel } from '../../src/db/models/report.model';
import { loadConfig } from '../../src/config';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-bot-api';
import { expectEventually } from '../support/expect-eventually';
import { startOwnFerretDb } from '../support/own-ferretdb';
import { startOwnRedis } from '../support/own-redis';
import { freePort, ROOT, startProcess, type Running } from '../support/processes';
import { createPrng } from '../support/prng';
import { uniquePrefix } from '../support/redis';
import { makePersona, runReporter, type ReporterResult } from '../support/reporter-sim';
import { telegramReporterChannel } from '../support/telegram-reporters';

// While REPORTERS people are mid-report through the real bots process and the fake Telegram, each fault in turn:
// Redis restarted (AOF on, as in production), the database restarted, the worker SIGKILLed, the bots process
// SIGKILLed. After each: every reporter ends with a ticket, every ticket is one stored report that ends `queued`
// exactly once, no report is stored twice, and the processes answer /readyz again without a manual restart.

const REPORTERS = Number(process.env.RESILIENCE_REPORTERS ?? 300);
const SEED = Number(process.env.RESILIENCE_SEED ?? 20261123);
const rng = createPrng(SEED);
const hasher = createLookupHasher(loadConfig().crypto.lookupHashKey);

let redis: Awaited<ReturnType<typeof startOwnRedis>>;
let ferret: Awaited<ReturnType<typeof startOwnFerretDb>>;
let fake: FakeTelegram;
let worker: Running;
let bots: Running;
let env: Record<string, string>;
let botsPort: number;
let workerPort: number;
let mediaDir: string;
const logs: string[] = [];

const startWorker = () => startProcess('worker/main.ts', { ...env, WORKER_PORT: String(workerPort) });
const startBots = () => startProcess('bots/main.ts', { ...env, BOTS_PORT: String(botsPort) });
const ready = async (port: number) => expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
const waitReady = (port: number) => expectEventually(() => ready(port), 60_000, 250);

beforeAll(async () => {
  redis = await startOwnRedis({ appendonly: true });
  ferret = await startOwnFerretDb();
  fake = await startFakeTelegram();
  [botsPort, workerPort] = [await freePort(), await freePort()];
  mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lapor-media-resilience-'));
  env = {
    REDIS_URL: redis.url, MONGODB_URI: ferret.uri('resilience'), REDIS_PREFIX: uniquePrefix('resilience'),
    TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, MEDIA_DIR: mediaDir, LOG_LEVEL: 'info',
    DISTRICT_ONCALL_PHONE: '0737-123-456', INTAKE_MESSAGES_PER_MINUTE: '1000', INTAKE_REPORTS_PER_DAY: '1000',
    // A lost triage job is found again within half a minute; a killed worker's jobs run again after 5 s. (The sweep
    // scans every report on FerretDB, so more often than this it starves the triage jobs it is meant to rescue.)
    SWEEP_AFTER_SECONDS: '15', SWEEP_EVERY_SECONDS: '10', JOB_LOCK_SECONDS: '5',
  };
  await connectMongo(env.MONGODB_URI!);
  await ReportModel.init();
  worker = startWorker();
  bots = startBots();
  await Promise.all([waitReady(workerPort), waitReady(botsPort)]);
}, 120_000);

afterAll(async () => {
  for (const p of [bots, worker]) {
    if (p && p.child.exitCode === null) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
  }
  logs.push(worker?.output() ?? '', bots?.output() ?? '');
  fs.mkdirSync(path.join(ROOT, 'test-artifacts'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-artifacts/resilience-processes.log'), logs.join('\n'));
  await mongoose.disconnect();
  await fake?.close();
  await redis?.stop();
  await ferret?.stop();
  fs.rmSync(mediaDir, { recursive: true, force: true });
});

let nextChat = 910_000_000;

/** REPORTERS people start at once; when they are about a third of the way through, `fault` runs. */
async function reportThrough(fault: () => Promise<void>): Promise<ReporterResult[]> {
  const channel = telegramReporterChannel(fake, 15_000);
  const personas = Array.from({ length: REPORTERS }, () => makePersona(rng, nextChat++, rng.chance(0.05)));
  let sent = 0;
  let faulted: Promise<void> | null = null;
  const onMessage = () => {
    if (++sent === REPORTERS * 7) faulted = fault();
  };
  try {
    const results = await Promise.all(personas.map((p) =>
      runReporter(channel, p, { deadlineMs: 180_000, thinkMs: () => 50 + rng.int(400), onMessage })));
    expect(faulted).not.toBeNull();
    await faulted;
    return results;
  } finally {
    channel.stop();
  }
}

/** Seconds from `since` until every report of `results` was queued: what a backlog after a restart costs. */
let queuedAllAt = 0;

async function expectEveryReportOnceAndQueued(results: ReporterResult[]): Promise<void> {
  const unfinished = results.filter((r) => !r.ticket).map((r) => r.persona.chatId);
  expect(unfinished).toEqual([]);
  const hashes = results.map((r) => hasher(`telegram:${r.persona.chatId}`));
  const stored = await ReportModel.find({ reporterHash: { $in: hashes } }, { ticket: 1, reporterHash: 1, status: 1, events: 1, intakeKey: 1 }).lean();
  const perHash = new Map<string, number>();
  for (const r of stored) perHash.set(r.reporterHash, (perHash.get(r.reporterHash) ?? 0) + 1);
  for (const r of results) {
    const n = perHash.get(hasher(`telegram:${r.persona.chatId}`)) ?? 0;
    if (n !== 1) process.stdout.write(`reporter ${r.persona.chatId}: ${n} reports, ticket ${r.ticket}, sent ${r.messagesSent}, resends ${r.resends}, restarts ${r.restarts}; ${JSON.stringify(stored.filter((s) => s.reporterHash === hasher(`telegram:${r.persona.chatId}`)).map((s) => [s.ticket, s.intakeKey, s.events[0]?.at]))}\n`);
  }
  // One report per reporter, and it is the one whose ticket the reporter holds.
  expect(stored).toHaveLength(results.length);
  const byHash = new Map(stored.map((r) => [r.reporterHash, r]));
  const mismatched = results.filter((r) => byHash.get(hasher(`telegram:${r.persona.chatId}`))?.ticket !== r.ticket);
  expect(mismatched.map((r) => r.persona.chatId)).toEqual([]);

  await expectEventually(async () => {
    const reports = await ReportModel.find({ reporterHash: { $in: hashes } }, { status: 1, events: 1 }).lean();
    const notQueued = reports.filter((r) => r.status !== 'queued');
    expect(notQueued.length).toBe(0);
    const queuedTwice = reports.filter((r) => r.events.filter((e) => e.to === 'queued').length !== 1);
    expect(queuedTwice.length).toBe(0);
  }, 300_000, 1000);
  queuedAllAt = Date.now();
  // Checked: the next wave starts on an empty collection, since FerretDB answers every filter but _id by reading every
  // report, and a growing collection would slow triage, not test it.
  await ReportModel.deleteMany({ reporterHash: { $in: hashes } });
}

function summary(label: string, results: ReporterResult[]): void {
  const sum = (f: (r: ReporterResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const lat = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0;
  process.stdout.write(
    `resilience ${label}: ${results.length} reporters, ${sum((r) => r.messagesSent)} messages, ` +
    `${sum((r) => r.resends)} re-sent after no/unclear answer, ${sum((r) => r.restarts)} told to start again; reply ms p50 ${q(0.5)} p99 ${q(0.99)} max ${q(1)}; ` +
    `${results.filter((r) => r.ticket).length} tickets; longest silence ${Math.max(0, ...results.map((r) => r.longestSilenceMs))} ms, ` +
    `${results.filter((r) => r.longestSilenceMs > 30_000).length} reporters without an answer for more than 30 s\n`,
  );
}

describe(`${REPORTERS} reporters mid-report (seed ${SEED})`, () => {
  it('Redis restarts (AOF on): no report lost or doubled, drafts resume or start again, processes recover', async () => {
    const results = await reportThrough(async () => {
      await redis.stop();
      await redis.start();
    });
    summary('redis restart', results);
    await expectEveryReportOnceAndQueued(results);
    await Promise.all([waitReady(workerPort), waitReady(botsPort)]);
  }, 600_000);

  it('the database restarts: no report lost or doubled, processes reconnect by themselves', async () => {
    const results = await reportThrough(async () => {
      await ferret.restart();
    });
    summary('database restart', results);
    await expectEveryReportOnceAndQueued(results);
    await Promise.all([waitReady(workerPort), waitReady(botsPort)]);
  }, 600_000);

  it('the worker is SIGKILLed and started again: its in-flight reports still end queued once, the backlog within a minute', async () => {
    let restartedAt = 0;
    const results = await reportThrough(async () => {
      worker.child.kill('SIGKILL');
      await worker.exited;
      logs.push(worker.output());
      // Down for 2 s, as a supervisor's restart delay would leave it.
      await new Promise((r) => setTimeout(r, 2_000));
      worker = startWorker();
      restartedAt = Date.now();
    });
    summary('worker SIGKILL', results);
    await expectEveryReportOnceAndQueued(results);
    const backlogSeconds = (queuedAllAt - restartedAt) / 1000;
    process.stdout.write(`resilience worker SIGKILL: every stored report queued ${backlogSeconds.toFixed(1)} s after the worker's restart\n`);
    expect(backlogSeconds).toBeLessThan(60);
    await waitReady(workerPort);
  }, 600_000);

  it('the bots process is SIGKILLed and started again: unanswered reporters re-send and finish, nothing doubled', async () => {
    const results = await reportThrough(async () => {
      bots.child.kill('SIGKILL');
      await bots.exited;
      logs.push(bots.output());
      bots = startBots();
    });
    summary('bots SIGKILL', results);
    // Every reporter mid-report hears back: a message the killed process had taken is handed to the new one.
    expect(results.filter((r) => r.longestSilenceMs > 30_000).map((r) => r.persona.chatId)).toEqual([]);
    await expectEveryReportOnceAndQueued(results);
    await waitReady(botsPort);
  }, 600_000);
});
