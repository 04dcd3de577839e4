import { Redis } from 'ioredis';
import { startFakeTelegram } from '../test/fakes/telegram-bot-api';
import type { Running } from '../test/support/processes';
import { telegramReporterChannel } from '../test/support/telegram-reporters';
import { log, nextPrefix, REDIS_URL, rssMb, sleep, startBots, stop, takeChats, useDatabase } from './harness';

// Memory: BENCH_DRAFTS (10,000) people each open a report through the real intake handler in a bots process (greeting
// answered, consent given) and then say nothing more. The process's RSS before, at a fifth and after, then what V8
// and Node count inside it (bench/memory-probe.cjs), before and after a full collection: what holds the memory.

const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 10_000);

type Usage = Record<'rss' | 'heapTotal' | 'heapUsed' | 'external' | 'arrayBuffers', number>;
interface Probe { before: Usage; after: Usage; spaces: Record<string, number> }

async function probe(bots: Running): Promise<Probe> {
  const seen = bots.output().length;
  bots.child.kill('SIGUSR2');
  const deadline = Date.now() + 10_000;
  let line: RegExpExecArray | null = null;
  while (!(line = /memory-probe (\{.*\})/.exec(bots.output().slice(seen))) && Date.now() < deadline) await sleep(50);
  if (!line) throw new Error('the bots process did not answer the memory probe');
  return JSON.parse(line[1]!) as Probe;
}

async function countDrafts(prefix: string): Promise<number> {
  const redis = new Redis(REDIS_URL);
  let drafts = 0;
  let cursor = '0';
  do {
    const [c, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:intake:draft:*`, 'COUNT', 1000);
    cursor = c;
    drafts += keys.length;
  } while (cursor !== '0');
  redis.disconnect();
  return drafts;
}

/** Where the RSS is, in words: the heap V8 still holds after a full collection, Node's buffers, and the rest. */
function holds(rss: number, p: Probe): string {
  const native = Math.round((rss - p.after.heapTotal - p.after.external) * 10) / 10;
  return `${p.after.heapUsed} MB live JS heap after a full collection (of ${p.before.heapUsed} MB before it; heap reserved ` +
    `${p.after.heapTotal} MB), ${p.after.external} MB outside the heap (buffers ${p.after.arrayBuffers} MB), ${native} MB the rest ` +
    `(code, compiled TypeScript, native libraries, allocator)`;
}

export async function memoryWithOpenDrafts() {
  await useDatabase('memory');
  const fake = await startFakeTelegram();
  const prefix = nextPrefix();
  const bots = await startBots('ours', fake, { prefix, args: ['--expose-gc', '--require', './bench/memory-probe.cjs'] });
  const channel = telegramReporterChannel(fake, 60_000);
  await sleep(1000);
  const before = rssMb(bots.child.pid);
  const idle = await probe(bots);
  const first = takeChats(DRAFTS);
  let next = 0;
  let atFifth = 0;
  // 100 people at a time; RSS at a fifth of the drafts as well: flat from there on means no draft is held in the process.
  await Promise.all(Array.from({ length: 100 }, async () => {
    while (next < DRAFTS) {
      const chat = first + next++;
      if (next === Math.floor(DRAFTS / 5)) atFifth = rssMb(bots.child.pid);
      await channel(chat, 'halo');
      await channel(chat, 'ya');
    }
  }));
  channel.stop();
  await sleep(2000);
  const after = rssMb(bots.child.pid);
  const inside = await probe(bots);
  const afterCollection = rssMb(bots.child.pid);
  const drafts = await countDrafts(prefix);
  await stop(bots);
  await fake.close();
  const memory = {
    openDrafts: drafts, botRssBeforeMb: before, botRssAtFifthMb: atFifth, botRssAfterMb: after, botRssAfterFullCollectionMb: afterCollection,
    heapUsedIdleMb: idle.after.heapUsed, heapUsedAfterMb: inside.before.heapUsed, heapUsedAfterFullCollectionMb: inside.after.heapUsed,
    inside, holds: holds(after, inside),
  };
  log(`memory: ${drafts} open drafts; bots RSS ${before} MB before, ${atFifth} MB at ${Math.floor(DRAFTS / 5)} drafts, ${after} MB after ` +
    `(${afterCollection} MB after a full collection); heap used ${idle.after.heapUsed} MB idle, ${inside.before.heapUsed} MB after, ` +
    `${inside.after.heapUsed} MB after a full collection. Holds: ${memory.holds}`);
  return memory;
}
