import { execFileSync } from 'node:child_process';
import { loadConfig } from '../../src/config';
import { Types } from 'mongoose';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { createFieldCipher } from '../../src/crypto/field-cipher';
import { connectMongo, disconnectMongo } from '../../src/db/connect';
import { AlertModel } from '../../src/db/models/alert.model';
import { OnCallShiftModel } from '../../src/db/models/on-call-shift.model';
import { ReportModel } from '../../src/db/models/report.model';
import { QUEUES } from '../../src/queue/jobs';
import { createQueues } from '../../src/queue/queues';
import { createRedis } from '../../src/redis';
import { ageBandOf } from '../../src/reports/report-vocabulary';
import { putOnCall } from '../factories/report';
import { startFakeTelegram } from '../fakes/telegram-bot-api';
import { expectEventually } from './expect-eventually';
import { startOwnFerretDb } from './own-ferretdb';
import { freePort, startProcess, type Running } from './processes';
import { TEST_REDIS_URL, uniquePrefix } from './redis';

const ON_CALL = 9001;
// Small children only in the urgent tenth: any harm to a child under six is P1 (triage's safety net).
const ageOf = (i: number) => (i % 10 === 0 ? 3 + (i % 14) : 8 + (i % 10));
// Every tenth report is urgent (P1, one on-call alert each); the rest a mix of the other priorities.
const TEXTS = ['anak sy diperkosa tetangga', 'anak dipukul bapaknya tiap hari', 'anak sy dibully temannya', 'mau tanya akta kelahiran'];

export interface CrashFigures {
  reports: number;
  storeMs: number;
  killAfterMs: number;
  queuedAtKill: number;
  alertsAtKill: number;
  allQueuedAfterRestartMs: number;
  alertsSentAfterRestartMs: number;
  p1: number;
  maxAlertsPerReport: number;
  maxTelegramMessagesPerTicket: number;
  /** Everything that broke the promise "all queued, each exactly once, at most one alert each"; empty when kept. */
  violations: string[];
}

/**
 * The real worker (worker/main.ts under tsx) on `reports` stored reports: SIGKILL once `killAt` are queued, start it
 * again, wait until every report is queued and every P1 alert sent. Runs on its own FerretDB and Redis prefix.
 */
export async function runWorkerCrashScenario(reports: number, killAt: number, timeoutMs: number): Promise<CrashFigures> {
  const ferret = await startOwnFerretDb();
  const telegram = await startFakeTelegram().catch(async (err) => {
    await ferret.stop();
    throw err;
  });
  const prefix = uniquePrefix('crash');
  const env = {
    MONGODB_URI: ferret.uri('crash'), REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot, JOB_LOCK_SECONDS: '2', SWEEP_EVERY_SECONDS: '5', SWEEP_AFTER_SECONDS: '10',
    LOG_LEVEL: 'warn', NODE_ENV: 'test',
  };
  const config = (() => {
    try {
      return loadConfig({ ...process.env, ...env });
    } catch (err) {
      void telegram.close();
      void ferret.stop();
      throw err;
    }
  })();
  const cipher = createFieldCipher(config.crypto);
  const redis = createRedis(TEST_REDIS_URL, { forBullWorker: true });
  const queues = createQueues(redis, prefix, QUEUES);
  const running: Running[] = [];
  await connectMongo(env.MONGODB_URI);
  try {
    await Promise.all([ReportModel.init(), AlertModel.init(), OnCallShiftModel.init()]);
    await putOnCall(config, 'petugas_on_call', 'u-oncall', ON_CALL);

    const t0 = Date.now();
    const kecamatan = config.district.kecamatan;
    const stored = await ReportModel.insertMany(Array.from({ length: reports }, (_, i) => {
      const _id = new Types.ObjectId();
      return {
        _id, ticket: `ADU-CR${String(i).padStart(4, '0')}`, channel: 'telegram', reporterHash: `r${i}`, anonymous: true,
        category: 'lainnya', description: cipher.encrypt(i % 10 === 0 ? TEXTS[0]! : TEXTS[1 + (i % 3)]!, fieldOf(BOUND.reports, _id, 'description')),
        location: { kecamatan: kecamatan[i % kecamatan.length] }, child: { age: ageOf(i), ageBand: ageBandOf(ageOf(i)) },
      };
    }));
    await queues.reports!.addBulk(stored.map((r) => ({ name: 'triage', data: { reportId: r.id }, opts: { jobId: `triage-${r.id}` } })));
    const tStored = Date.now();

    const start = async () => {
      const proc = startProcess('worker/main.ts', { ...env, WORKER_PORT: String(await freePort()) });
      running.push(proc);
      return proc;
    };
    const queuedCount = () => ReportModel.countDocuments({ status: 'queued' });

    const first = await start();
    await expectEventually(async () => {
      if ((await queuedCount()) < killAt) throw new Error(`fewer than ${killAt} queued`);
    }, timeoutMs, 200);
    await killHard(first);
    const tKill = Date.now();
    const queuedAtKill = await queuedCount();
    const alertsAtKill = await AlertModel.countDocuments();

    await start();
    const p1 = stored.filter((_, i) => i % 10 === 0).length;
    await expectEventually(async () => {
      if ((await queuedCount()) < reports) throw new Error('not all queued yet');
    }, timeoutMs, 250);
    const tAllQueued = Date.now();
    await expectEventually(async () => {
      if ((await AlertModel.countDocuments({ status: 'sent' })) < p1) throw new Error('not all alerts sent yet');
    }, timeoutMs, 250);
    const tAlertsSent = Date.now();

    const all = await ReportModel.find({}, { ticket: 1, status: 1, events: 1, priority: 1 }).lean();
    const alerts = await AlertModel.find({}, { reportId: 1 }).lean();
    const perReport = countBy(alerts.map((a) => String(a.reportId)));
    // One message may carry several alerts (alerts waiting for one person leave together): count every ticket in it.
    const perTicket = countBy(telegram.textsTo(ON_CALL).flatMap((t) => [...t.matchAll(/Tiket: (\S+)/g)].map((m) => m[1]!)));
    const violations: string[] = [];
    for (const r of all) {
      const steps = r.events.map((e) => `${e.from}>${e.to}`).join(',');
      if (r.status !== 'queued') violations.push(`${r.ticket} is ${r.status}`);
      if (steps !== 'received>triaged,triaged>queued') violations.push(`${r.ticket} went ${steps}`);
    }
    if (Math.max(0, ...perReport.values()) > 1) violations.push('a report has more than one alert');
    if (perReport.size !== p1) violations.push(`${perReport.size} reports alerted, ${p1} expected`);
    if (all.filter((r) => r.priority === 'P1').length !== p1) violations.push('P1 count differs');
    if (perTicket.size !== p1) violations.push(`${perTicket.size} tickets reached the on-call chat, ${p1} expected`);
    if (queuedAtKill >= reports) violations.push('the kill came after all reports were queued');

    return {
      reports, storeMs: tStored - t0, killAfterMs: tKill - tStored, queuedAtKill, alertsAtKill,
      allQueuedAfterRestartMs: tAllQueued - tKill, alertsSentAfterRestartMs: tAlertsSent - tKill, p1,
      maxAlertsPerReport: Math.max(0, ...perReport.values()), maxTelegramMessagesPerTicket: Math.max(0, ...perTicket.values()),
      violations,
    };
  } finally {
    for (const proc of running) if (proc.child.exitCode === null) await killHard(proc);
    for (const queue of Object.values(queues)) {
      await queue?.obliterate({ force: true }).catch(() => undefined);
      await queue?.close();
    }
    redis.disconnect();
    await disconnectMongo();
    await telegram.close();
    await ferret.stop();
  }
}

// tsx runs the worker in a child node process: SIGKILL goes to that process itself (a signal to tsx alone would leave
// it running), then to tsx.
async function killHard(proc: Running): Promise<void> {
  let children: string[] = [];
  try {
    children = execFileSync('ps', ['--ppid', String(proc.child.pid), '-o', 'pid=']).toString().split(/\s+/).filter(Boolean);
  } catch {
    // ps exits 1 when there are none
  }
  for (const pid of children) process.kill(Number(pid), 'SIGKILL');
  proc.child.kill('SIGKILL');
  await proc.exited;
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export function describeFigures(f: CrashFigures): string {
  return `worker crash: ${f.reports} reports stored and queued in ${f.storeMs} ms; SIGKILL after ${f.killAfterMs} ms with ` +
    `${f.queuedAtKill} queued and ${f.alertsAtKill} alerts; after restart all ${f.reports} queued in ${f.allQueuedAfterRestartMs} ms, ` +
    `all ${f.p1} P1 alerts sent ${f.alertsSentAfterRestartMs} ms after the kill; max alerts per report ${f.maxAlertsPerReport}; ` +
    `max Telegram messages per P1 ticket ${f.maxTelegramMessagesPerTicket}; violations: ${f.violations.length ? f.violations.slice(0, 5).join('; ') : 'none'}`;
}
