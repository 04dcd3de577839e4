import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-bot-api';
import { makeUser, TEST_PASSWORD } from '../factories/users';
import { useTestDatabase } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { AdminClient } from '../support/admin-app';
import { createPrng } from '../support/prng';
import { freePort, ROOT, startBuiltProcess, type Running } from '../support/processes';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis';
import { makePersona, runReporter } from '../support/reporter-sim';
import { telegramReporterChannel } from '../support/telegram-reporters';
import { webchatReporterChannel } from '../support/webchat-reporters';

// The production path as the image runs it: scripts/build.sh, then the three built processes under plain Node with
// NODE_ENV=production, against the real FerretDB and Redis. A view, static file or web chat asset missing from the
// build shows here as a page that does not load.
const OUT = path.join(ROOT, '.data', 'smoke-dist');
const db = useTestDatabase('prodsmoke');
const running: Running[] = [];
let fake: FakeTelegram;
let adminUrl: string;
let botsUrl: string;
let workerUrl: string;
let env: Record<string, string>;
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lapor-smoke-media-'));

beforeAll(async () => {
  execFileSync('bash', ['scripts/build.sh', OUT], { cwd: ROOT, stdio: 'pipe', timeout: 300_000 });
  fake = await startFakeTelegram();
  const [adminPort, botsPort, workerPort] = [await freePort(), await freePort(), await freePort()];
  env = {
    NODE_ENV: 'production', LOG_LEVEL: 'info', MONGODB_URI: db.uri, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: uniquePrefix('prodsmoke'),
    PORT: String(adminPort), BOTS_PORT: String(botsPort), WORKER_PORT: String(workerPort), MEDIA_DIR: mediaDir,
    TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, WHATSAPP_ENABLED: 'false', DISTRICT_ONCALL_PHONE: '0737-123-456',
  };
  for (const proc of ['bots', 'worker', 'admin']) running.push(startBuiltProcess(path.join(OUT, proc, 'main.js'), env));
  [adminUrl, botsUrl, workerUrl] = [adminPort, botsPort, workerPort].map((p) => `http://127.0.0.1:${p}`) as [string, string, string];
  for (const url of [adminUrl, botsUrl, workerUrl]) {
    await expectEventually(async () => expect((await fetch(`${url}/readyz`).catch(() => null))?.status).toBe(200), 30_000, 200);
  }
}, 360_000);

afterAll(async () => {
  for (const proc of running) proc.child.kill('SIGTERM');
  const codes = await Promise.all(running.map((p) => p.exited));
  await fake?.close();
  fs.rmSync(mediaDir, { recursive: true, force: true });
  expect(codes).toEqual([0, 0, 0]);
});

describe('the production build', () => {
  it('needs at run time only packages listed under "dependencies" (the image prunes the rest)', () => {
    const { dependencies } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const needed = new Set<string>();
    for (const file of fs.readdirSync(OUT, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))) {
      for (const [, name] of fs.readFileSync(path.join(OUT, file), 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) {
        const pkg = name!.startsWith('@') ? name!.split('/').slice(0, 2).join('/') : name!.split('/')[0]!;
        if (!name!.startsWith('node:') && !builtinModules.includes(pkg)) needed.add(pkg);
      }
    }
    expect([...needed].filter((pkg) => !(pkg in dependencies))).toEqual([]);
  });

  it('serves the sign-in page, its stylesheet and the web chat with its script', async () => {
    const login = await fetch(`${adminUrl}/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toMatch(/<form[^>]+method="post"/i);
    expect((await fetch(`${adminUrl}/static/admin.css`)).status).toBe(200);
    // Pico CSS comes from node_modules, which the image ships beside the build.
    expect((await fetch(`${adminUrl}/static/pico/pico.min.css`)).status).toBe(200);
    const chat = await fetch(`${botsUrl}/chat`);
    expect(chat.status).toBe(200);
    expect(await chat.text()).toMatch(/chat\/static\/chat\.js/);
    for (const asset of ['chat.js', 'chat.css']) expect((await fetch(`${botsUrl}/chat/static/${asset}`)).status).toBe(200);
  });

  it('takes a report by web chat and one by Telegram to the intake queue, where a receptionist claims one and opens a case', async () => {
    const rng = createPrng(11);
    const telegram = telegramReporterChannel(fake, 15_000);
    const [byWeb, byTelegram] = await Promise.all([
      runReporter(webchatReporterChannel(botsUrl), makePersona(rng, 501), { deadlineMs: 90_000 }),
      runReporter(telegram, makePersona(rng, 502), { deadlineMs: 90_000 }),
    ]);
    telegram.stop();
    expect(byWeb.ticket).toBeDefined();
    expect(byTelegram.ticket).toBeDefined();

    await makeUser('penerima_pengaduan', 'smoke.resepsionis');
    const desk = new AdminClient(adminUrl);
    expect((await desk.json('POST', '/api/session', { username: 'smoke.resepsionis', password: TEST_PASSWORD }, { csrf: false })).status).toBe(200);
    const queue = await expectEventually(async () => {
      const { status, json } = await desk.get('/api/intake');
      expect(status).toBe(200);
      const tickets = (json.items as { ticket: string }[]).map((r) => r.ticket);
      expect(tickets).toEqual(expect.arrayContaining([byWeb.ticket, byTelegram.ticket]));
      return json.items as { id: string; ticket: string; channel: string; priority: string }[];
    }, 60_000, 500);
    const webReport = queue.find((r) => r.ticket === byWeb.ticket)!;
    expect(webReport).toMatchObject({ channel: 'webchat', priority: expect.stringMatching(/^P[1-4]$/) });

    expect((await desk.json('POST', `/api/reports/${webReport.id}/claim`, {})).status).toBe(200);
    const opened = await desk.json('POST', `/api/reports/${webReport.id}/open-case`, {});
    expect(opened.status).toBe(201);
    expect(opened.json).toMatchObject({ caseNumber: expect.any(String) });
  }, 240_000);

  it('has a doctor that an operator runs from the build: it names the empty on-call roster and exits 1', () => {
    const run = spawnSync(process.execPath, [path.join(OUT, 'scripts', 'cli.js'), 'doctor'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
    const lines = run.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('ok   ')).map((l) => l.slice(5).split('  ')[0])).toEqual(expect.arrayContaining(['settings', 'database', 'redis', 'data key']));
    expect(lines.filter((l) => l.startsWith('FAIL '))).toEqual([expect.stringMatching(/^FAIL on-call roster/)]);
    expect(run.status).toBe(1);
  });
});
