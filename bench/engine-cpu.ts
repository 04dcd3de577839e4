import { randomUUID } from 'node:crypto';
import { loadDistrict } from '../src/districts/district';
import { advanceIntake, type EngineContext } from '../src/intake/advance-intake';
import type { Draft } from '../src/intake/draft';
import { catalogueFor } from '../src/intake/catalogues/catalogue-for';
import { createPrng } from '../test/support/prng';
import { makePersona, runReporter, type ReporterChannel } from '../test/support/reporter-sim';

// The conversation engine's own CPU per message, without Redis, the database or Telegram: the bench's reporters
// replayed through advanceIntake in this process. `npx tsx bench/engine-cpu.ts [reporters=2000]`; prints µs/message.

const N = Number(process.argv[2] ?? 2000);
const district = loadDistrict('mukomuko', '0737-123-456');
const drafts = new Map<number, Draft>();
let messages = 0;
let engineUs = 0;

const channel: ReporterChannel = async (chatId, text) => {
  messages++;
  const ctx: EngineContext = {
    district, now: new Date(), newDraftId: randomUUID, resumeAfterMinutes: 60,
    media: { maxBytes: 20 * 2 ** 20, allowedTypes: ['image/jpeg'], maxFiles: 5 },
  };
  const before = process.cpuUsage();
  const result = advanceIntake(drafts.get(chatId) ?? null, { channel: 'telegram', chatId: String(chatId), kind: 'text', text, receivedAt: ctx.now }, ctx);
  const used = process.cpuUsage(before);
  engineUs += used.user + used.system;
  if (result.effects.some((e) => e.type === 'submit') && result.draft) {
    drafts.delete(chatId);
    return [catalogueFor(result.draft.language).submitted('ADU-2345-6789')];
  }
  if (result.draft) drafts.set(chatId, result.draft);
  else drafts.delete(chatId);
  return result.replies.map((r) => r.text);
};

async function main(): Promise<void> {
  const rng = createPrng(7);
  const run = async (n: number, first: number) => {
    for (let i = 0; i < n; i++) await runReporter(channel, makePersona(rng, first + i, i % 5 === 0), { deadlineMs: 60_000 });
  };
  await run(200, 1); // warm-up: JIT, caches
  messages = 0;
  engineUs = 0;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await run(N, 10_000);
  const used = process.cpuUsage(cpu);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`${messages} messages, ${N} reporters: ${((used.user + used.system) / messages).toFixed(1)} µs CPU/message, ` +
    `${((wallMs * 1000) / messages).toFixed(1)} µs wall/message, ${(engineUs / messages).toFixed(1)} µs CPU in advanceIntake\n`);
}

void main();
