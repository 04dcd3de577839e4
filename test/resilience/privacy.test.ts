import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/config';
import { connectMongo } from '../../src/db/connect';
import { ReportModel } from '../../src/db/models/report.model';
import { putOnCall } from '../factories/report';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-bot-api';
import { uniqueDatabaseUri } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { freePort, startProcess, type Running } from '../support/processes';
import { createPrng } from '../support/prng';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis';
import { makePersona, runReporter, type Persona } from '../support/reporter-sim';
import { telegramReporterChannel } from '../support/telegram-reporters';

// Seeded reporters with known personal values (child names, villages, phone numbers, descriptions, chat ids) go
// through the real bots and worker processes at LOG_LEVEL=debug; some finish, some leave a draft open, some say the
// child is in danger (on-call alert). Then nothing may hold any of those values in clear: no log line of either
// process, no document of any collection (read raw, without mongoose), no Redis key or value under the prefix.

const FINISHED = 40;
const LEFT_OPEN = 10;
const ONCALL_CHAT = 880_000_001;
const rng = createPrng(Number(process.env.PRIVACY_SEED ?? 4242));

let fake: FakeTelegram;
let bots: Running;
let worker: Running;
let mediaDir: string;
const uri = uniqueDatabaseUri('privacy');
const prefix = uniquePrefix('privacy');
const redis = new Redis(TEST_REDIS_URL);

beforeAll(async () => {
  fake = await startFakeTelegram();
  mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lapor-media-privacy-'));
  const env = {
    REDIS_URL: TEST_REDIS_URL, MONGODB_URI: uri, REDIS_PREFIX: prefix, TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot, MEDIA_DIR: mediaDir, LOG_LEVEL: 'debug', DISTRICT_ONCALL_PHONE: '0737-123-456',
    INTAKE_MESSAGES_PER_MINUTE: '1000', BOTS_PORT: String(await freePort()), WORKER_PORT: String(await freePort()),
  };
  await connectMongo(uri);
  await ReportModel.init();
  await putOnCall(loadConfig(), 'petugas_on_call', 'oncall-1', ONCALL_CHAT);
  worker = startProcess('worker/main.ts', env);
  bots = startProcess('bots/main.ts', env);
  await expectEventually(() => expect(bots.output()).toMatch(/"msg":"bots ready"/), 60_000);
  await expectEventually(() => expect(worker.output()).toMatch(/"msg":"worker ready"/), 60_000);
}, 60_000);

afterAll(async () => {
  for (const p of [bots, worker]) {
    if (p?.child.exitCode === null) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
  }
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await mongoose.disconnect();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await fake?.close();
  fs.rmSync(mediaDir, { recursive: true, force: true });
});

/** Every way a value might show up: as typed, and the phone number also without its leading 0 or as +62. */
function needles(p: Persona): { label: string; test: (s: string) => boolean }[] {
  const plain = [p.childName, p.desa, p.description, p.when, p.phone, p.phone.replace(/^0/, '62'), p.childName.split(' ')[1]!];
  return [
    ...plain.map((v) => ({ label: v, test: (s: string) => s.includes(v) })),
    { label: `chat id ${p.chatId}`, test: (s: string) => new RegExp(`(?<!\\d)${p.chatId}(?!\\d)`).test(s) },
  ];
}

function leaks(where: string, text: string, personas: Persona[]): string[] {
  const found: string[] = [];
  for (const p of personas) for (const n of needles(p)) if (n.test(text)) found.push(`${where}: ${n.label}`);
  return found;
}

async function redisDump(): Promise<string> {
  const out: string[] = [];
  for (const key of await redis.keys(`${prefix}:*`)) {
    const type = await redis.type(key);
    let value: unknown;
    if (type === 'string') value = await redis.get(key);
    else if (type === 'hash') value = await redis.hgetall(key);
    else if (type === 'list') value = await redis.lrange(key, 0, -1);
    else if (type === 'set') value = await redis.smembers(key);
    else if (type === 'zset') value = await redis.zrange(key, 0, -1);
    else if (type === 'stream') value = await redis.xrange(key, '-', '+');
    out.push(`${key} ${JSON.stringify(value)}`);
  }
  return out.join('\n');
}

describe('personal values after a run of seeded reports', () => {
  it('appear in no log line, no raw database document and no Redis key or value (drafts are encrypted)', async () => {
    const channel = telegramReporterChannel(fake, 15_000);
    const finished = Array.from({ length: FINISHED }, (_, i) => makePersona(rng, 920_000_000 + i, i % 8 === 0));
    const open = Array.from({ length: LEFT_OPEN }, (_, i) => makePersona(rng, 930_000_000 + i));
    const results = await Promise.all(finished.map((p) => runReporter(channel, p, { deadlineMs: 120_000 })));
    expect(results.filter((r) => !r.ticket)).toEqual([]);
    // Open drafts: the story (which names the desa), the phone, the child's name as a detail; then the reporter goes quiet.
    for (const p of open) {
      for (const text of ['halo', 'ya', 'tidak', '4', p.description, '9 tahun, perempuan', 'ipuh', 'rumah', '2', p.phone, '4', p.childName]) {
        await channel(p.chatId, text);
      }
    }
    channel.stop();
    await expectEventually(async () => expect(await ReportModel.countDocuments({ status: 'queued' })).toBe(FINISHED), 60_000, 500);
    // The danger answers reached the on-call worker: the alert path ran and is covered by the check.
    await expectEventually(() => expect(fake.messagesTo(ONCALL_CHAT).length).toBeGreaterThan(0), 30_000, 200);
    expect(await redis.keys(`${prefix}:intake:draft:*`)).toHaveLength(LEFT_OPEN);

    const personas = [...finished, ...open];
    // The check itself finds a value when one is there.
    expect(leaks('self-check', `x ${open[0]!.childName} ${open[0]!.chatId}.`, personas)).toHaveLength(3);
    const found: string[] = [];
    for (const [name, proc] of [['bots', bots], ['worker', worker]] as const) {
      const lines = proc.output().split('\n');
      expect(lines.length).toBeGreaterThan(FINISHED);
      found.push(...leaks(`${name} log`, proc.output(), personas));
    }
    const db = mongoose.connection.db!;
    let documents = 0;
    for (const { name } of await db.listCollections().toArray()) {
      const docs = await db.collection(name).find({}).toArray();
      documents += docs.length;
      found.push(...leaks(`collection ${name}`, JSON.stringify(docs), personas));
    }
    expect(documents).toBeGreaterThan(FINISHED);
    found.push(...leaks('redis', await redisDump(), personas));
    process.stdout.write(`privacy: ${personas.length} reporters' values checked against ${documents} documents, ` +
      `${bots.output().length + worker.output().length} bytes of logs and the Redis keys of the run\n`);
    expect(found).toEqual([]);
  }, 300_000);
});
