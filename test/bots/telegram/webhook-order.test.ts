import http from 'node:http';
import type { Redis } from 'ioredis';
import { startRoundRobinProxy } from '../../../bench/round-robin-proxy';
import { createBotsApp } from '../../../bots/create-bots-app';
import { createTelegramBot } from '../../../bots/telegram/create-bot';
import { startTelegram, type RunningTelegram } from '../../../bots/telegram/start-telegram';
import type { HandleInboundMessage } from '../../../src/intake/messages';
import { createLogger } from '../../../src/logger';
import { createRedis } from '../../../src/redis';
import { startFakeTelegram, type FakeTelegram } from '../../fakes/telegram-bot-api';
import { useTestDatabase } from '../../support/database';
import { expectEventually } from '../../support/expect-eventually';
import { createIntakeHarness } from '../../support/intake';
import { freePort } from '../../support/processes';
import { TEST_REDIS_URL } from '../../support/redis';
import { telegramChat } from '../../support/telegram-bots';

// Two bots processes in webhook mode behind one round-robin address (as bench/webhook.ts runs them), here two bots of
// our own in this test process, each with its own Redis connection and intake handler, sharing the stores: a chat's
// updates alternate between them. Telegram sends a chat's next update once the previous one was answered; so does
// `deliver` below.

useTestDatabase('tgorder');
const logger = createLogger('test', process.env.TEST_LOG ?? 'silent');
const SECRET = 'order-secret-0123456789abcdef0123';
// The start of a report, each message with the answer it gets.
const SCRIPT = [['halo', /RAHASIA/], ['ya', /bahaya SAAT INI/], ['tidak', /Siapa Anda/], ['tetangga', /Ceritakan/]] as const;

let harness: ReturnType<typeof createIntakeHarness>;
let fake: FakeTelegram;
let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>>;
let ports: number[];
let bots: BotsProcess[] = [];

interface BotsProcess {
  redis: Redis;
  /** As a killed process: its connections and its server gone, whatever it was doing left as it was. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** One bots process's Telegram side on `port`; `wrap` puts something (a delay, a fault) in front of its engine. */
async function startBots(port: number, wrap: (handle: HandleInboundMessage) => HandleInboundMessage = (h) => h): Promise<BotsProcess> {
  const redis = createRedis(TEST_REDIS_URL);
  const handle = wrap(harness.newHandler({ redis }));
  const telegram = createTelegramBot({
    token: fake.token, apiRoot: fake.apiRoot, handle, redis, prefix: harness.prefix, logger,
    cipher: harness.cipher, hasher: harness.hasher, webhook: true,
  });
  const running: RunningTelegram = await startTelegram(telegram, { webhookUrl: `http://127.0.0.1:${proxy.port}/telegram/hook`, webhookSecret: SECRET }, logger);
  const { app, channels } = createBotsApp();
  channels.use(running.router!);
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const closeServer = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  let killed = false;
  return {
    redis,
    async kill() {
      killed = true;
      redis.disconnect();
      await closeServer();
    },
    async stop() {
      if (killed) return;
      await closeServer();
      await running.stop();
      redis.disconnect();
    },
  };
}

/** Sends one update to the webhook and waits for its answer, as Telegram does before a chat's next update. */
async function deliver(send: () => number): Promise<void> {
  const before = fake.webhook()!.deliveries.length;
  send();
  await expectEventually(() => expect(fake.webhook()!.deliveries.length).toBeGreaterThan(before), 10_000);
}

/** What one process answers to SCRIPT, one message after the other's answer: the conversation as it should look. */
async function referenceTranscript(chatId: number): Promise<string[]> {
  const chat = telegramChat(fake, chatId);
  for (const [text, answer] of SCRIPT) await chat.say(text, answer);
  return chat.texts();
}

/** SCRIPT sent in quick succession (each after the previous one's webhook answer), alternating between the processes. */
async function sendQuickly(chatId: number): Promise<void> {
  for (const [text] of SCRIPT) await deliver(() => fake.sendText(chatId, text));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(async () => {
  harness = createIntakeHarness('tgorder');
  fake = await startFakeTelegram();
  ports = [await freePort(), await freePort()];
  proxy = await startRoundRobinProxy(ports);
});

afterEach(async () => {
  for (const b of bots) await b.stop().catch(() => undefined);
  bots = [];
  await proxy.close();
  await fake.close();
  await harness.close();
});

describe('Telegram webhook, two bots processes behind one address', () => {
  it('applies a chat\'s updates in order when the first one is slow in its process: the reporter sees what one process would show', async () => {
    let first = false;
    // Process A's engine takes 4 s over the first message (a slow database), longer than any answer to the webhook waits.
    const slowFirst = (handle: HandleInboundMessage): HandleInboundMessage => async (message) => {
      if (first) {
        first = false;
        await sleep(4_000);
      }
      return handle(message);
    };
    bots = [await startBots(ports[0]!, slowFirst), await startBots(ports[1]!)];
    const reference = await referenceTranscript(5001);
    // The next update goes to A, as the first of the run below.
    expect(proxy.forwarded).toEqual([2, 2]);
    first = true;

    await sendQuickly(5002);
    const chat = telegramChat(fake, 5002);
    await chat.waitFor(SCRIPT.at(-1)![1], 20_000);
    await sleep(500);
    // Same answers, in the same order, each once; and every update was answered 200 to Telegram.
    expect(chat.texts()).toEqual(reference);
    expect(fake.webhook()!.deliveries).toEqual(Array(8).fill(200));
  }, 60_000);

  it('does not lose a chat\'s updates when the engine throws over one: it is tried again, the later ones wait behind it', async () => {
    let failures = 0;
    // The engine fails once (Redis or the database away for a moment) on process A's first message.
    const failOnce = (handle: HandleInboundMessage): HandleInboundMessage => async (message) => {
      if (failures-- > 0) throw new Error('database away for a moment');
      return handle(message);
    };
    bots = [await startBots(ports[0]!, failOnce), await startBots(ports[1]!)];
    const reference = await referenceTranscript(5101);
    failures = 1;

    await sendQuickly(5102);
    const chat = telegramChat(fake, 5102);
    await chat.waitFor(SCRIPT.at(-1)![1], 20_000);
    await sleep(500);
    expect(chat.texts()).toEqual(reference);
  }, 60_000);

  it('does not lose a chat\'s updates held by a process that is killed: the other process applies them, in order', async () => {
    let hang = false;
    // Process A's engine never comes back from the first message of the second chat (a download that hangs)…
    const hangs = (handle: HandleInboundMessage): HandleInboundMessage => async (message) => {
      if (hang) await new Promise(() => undefined);
      return handle(message);
    };
    bots = [await startBots(ports[0]!, hangs), await startBots(ports[1]!)];
    const reference = await referenceTranscript(5201);
    hang = true;

    await sendQuickly(5202);
    // …and A is killed (past the 3 s an answer to the webhook used to wait) before anything was answered.
    await sleep(3_500);
    const chat = telegramChat(fake, 5202);
    expect(chat.texts()).toEqual([]);
    await bots[0]!.kill();

    await chat.waitFor(SCRIPT.at(-1)![1], 20_000);
    await sleep(500);
    expect(chat.texts()).toEqual(reference);
  }, 60_000);

  it('refuses an update it cannot store (503), so that Telegram sends it again, instead of confirming it', async () => {
    bots = [await startBots(ports[0]!)];
    bots[0]!.redis.disconnect();
    const post = (updateId: number) => fetch(`http://127.0.0.1:${ports[0]}/telegram/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({
        update_id: updateId,
        message: { message_id: 1, date: 1, chat: { id: 5301, type: 'private' }, from: { id: 5301, is_bot: false, first_name: 'P' }, text: 'halo' },
      }),
    });
    expect((await post(7001)).status).toBe(503);
  }, 30_000);
});
