import fs from 'node:fs';
import { ReportModel } from '../../src/db/models/report.model';
import { useTestDatabase } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { hostileText, hostileValue } from '../support/hostile';
import { createPrng, type Prng } from '../support/prng';
import { makePersona, runReporter } from '../support/reporter-sim';
import { startTelegramBots } from '../support/telegram-bots';
import { telegramReporterChannel } from '../support/telegram-reporters';

// 10,000 generated hostile updates into the real bots process through the fake Bot API: random Unicode, huge texts,
// malformed fields, forged callback data, unknown update types, media of wrong types and sizes, odd chats. The process
// must stay up without an unhandled rejection, keep its memory, and afterwards still take a whole report.

const UPDATES = Number(process.env.FUZZ_UPDATES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 2026_11);
const CHATS = 400;

const db = useTestDatabase('tgfuzz');
let bots: Awaited<ReturnType<typeof startTelegramBots>>;

beforeAll(async () => {
  await ReportModel.init();
  // The production limit on messages per chat: a flood is part of what is being fuzzed.
  bots = await startTelegramBots('tgfuzz', db.uri, { INTAKE_MESSAGES_PER_MINUTE: '30' });
}, 60_000);
afterAll(async () => {
  await bots?.stop();
});

const rssMb = (pid: number | undefined) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);

function chat(rng: Prng): Record<string, unknown> {
  const id = rng.chance(0.9) ? 500_000 + rng.int(CHATS) : hostileValue(rng);
  return rng.chance(0.05) ? { id, type: rng.pick(['group', 'supergroup', 'channel']), title: hostileText(rng, 20) } : { id, type: 'private', first_name: hostileText(rng, 10) };
}

function from(rng: Prng): unknown {
  if (rng.chance(0.05)) return hostileValue(rng);
  return { id: 500_000 + rng.int(CHATS), is_bot: rng.chance(0.05), first_name: hostileText(rng, 20), language_code: rng.pick(['id', 'en', 'xx', '', undefined]) };
}

function media(rng: Prng, fileId: string): Record<string, unknown> {
  const size = rng.pick([1, 0, -5, 2 ** 40, 19 * 1048576, 25 * 1048576, 1.5, NaN]);
  switch (rng.int(7)) {
    case 0: return { photo: Array.from({ length: rng.int(4) }, () => ({ file_id: fileId, file_unique_id: 'u', width: rng.int(5000), height: -1, file_size: size })) };
    case 1: return { document: { file_id: fileId, file_unique_id: 'u', mime_type: rng.pick(['application/x-msdownload', 'image/svg+xml', 'text/html', '', 'application/pdf', hostileText(rng, 30)]), file_name: rng.pick(['../../etc/passwd', 'a'.repeat(3000), 'laporan.pdf']), file_size: size } };
    case 2: return { voice: { file_id: fileId, file_unique_id: 'u', duration: -1, mime_type: rng.pick(['audio/ogg', 'video/mp4', '']), file_size: size } };
    case 3: return { video: { file_id: fileId, file_unique_id: 'u', width: 1, height: 1, duration: 2 ** 31, file_size: size } };
    case 4: return { sticker: { file_id: fileId, file_unique_id: 'u', type: 'regular', width: 512, height: 512, is_animated: true, is_video: false } };
    case 5: return { location: { latitude: rng.pick([999, -91, NaN, '0', 0]), longitude: rng.pick([181, 'x', 0, null]) } };
    default: return { contact: { phone_number: hostileText(rng, 20), first_name: hostileText(rng, 20), user_id: 1 } };
  }
}

function update(rng: Prng, fileId: () => string): Record<string, unknown> {
  const base = () => ({ message_id: rng.chance(0.9) ? rng.int(1e6) : hostileValue(rng), date: rng.chance(0.9) ? Math.floor(Date.now() / 1000) : hostileValue(rng), chat: chat(rng), from: from(rng) });
  switch (rng.int(10)) {
    case 0:
    case 1:
    case 2: {
      const text = rng.chance(0.03) ? hostileText(rng, 5000) + 'x'.repeat(rng.int(100_000)) : hostileText(rng, 300);
      const entities = rng.chance(0.2) ? [{ type: rng.pick(['bot_command', 'url', 'bold', 'nonsense']), offset: rng.int(50) - 5, length: rng.int(500) }] : undefined;
      return { message: { ...base(), text, entities } };
    }
    // Malformed: fields of the wrong type, or missing.
    case 3: return { message: { ...base(), text: hostileValue(rng), chat: rng.chance(0.5) ? hostileValue(rng) : undefined } };
    case 4: {
      const data = rng.pick([() => hostileText(rng, 64), () => 'x'.repeat(300), () => JSON.stringify(hostileValue(rng)), () => 'consent:yes', () => 'category:not_a_category', () => '', () => '{"$ne":null}'])();
      return { callback_query: { id: String(rng.int(1e9)), from: from(rng), chat_instance: 'x', data: rng.chance(0.9) ? data : hostileValue(rng), message: rng.chance(0.8) ? { ...base(), text: '…' } : undefined } };
    }
    case 5: return { [rng.pick(['edited_message', 'channel_post', 'poll', 'my_chat_member', 'inline_query', 'shipping_query', 'chat_join_request', 'foo'])]: hostileValue(rng) };
    case 6: return rng.chance(0.5) ? {} : { message: null };
    default: return { message: { ...base(), caption: rng.chance(0.5) ? hostileText(rng, 1100) : undefined, ...media(rng, fileId()) } };
  }
}

async function pendingUpdates(): Promise<number> {
  const res = await fetch(`${bots.fake.apiRoot}/bot${bots.fake.token}/getWebhookInfo`);
  return ((await res.json()) as { result: { pending_update_count: number } }).result.pending_update_count;
}

describe(`the bots process under ${UPDATES} hostile Telegram updates (seed ${SEED})`, () => {
  it('stays up without unhandled rejections, keeps its memory, and still takes a whole report afterwards', async () => {
    const rng = createPrng(SEED);
    const real = bots.fake.addFile(Buffer.from('not really a jpeg'), 'photos/x.jpg');
    const fileId = () => rng.pick([real, 'no-such-file', '', hostileText(rng, 40)]);
    const pid = bots.process().child.pid;
    const before = rssMb(pid);
    for (let i = 0; i < UPDATES; i++) {
      bots.fake.pushUpdate(update(rng, fileId));
      // In bursts, as Telegram delivers them, with a pause now and then for the poll to come round.
      if (i % 500 === 499) await expectEventually(async () => expect(await pendingUpdates()).toBeLessThan(1000), 60_000, 100);
    }
    await expectEventually(async () => expect(await pendingUpdates()).toBe(0), 120_000, 200);

    // Afterwards an ordinary reporter still gets through, start to ticket.
    const channel = telegramReporterChannel(bots.fake, 30_000);
    const reporter = await runReporter(channel, makePersona(rng, 777_000_001), { deadlineMs: 120_000 });
    channel.stop();
    expect(reporter.ticket).toBeDefined();
    expect(await ReportModel.countDocuments({ ticket: reporter.ticket })).toBe(1);

    const after = rssMb(pid);
    process.stdout.write(`telegram fuzz: ${UPDATES} updates; bots RSS ${before} MB → ${after} MB\n`);
    expect(bots.process().child.exitCode).toBeNull();
    expect(bots.output()).not.toMatch(/unhandled rejection|uncaught|"level":"fatal"/i);
    expect((await fetch(`${bots.baseUrl}/readyz`)).status).toBe(200);
    expect(after - before).toBeLessThan(250);
  }, 300_000);
});
