import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { ReportModel } from '../../src/db/models/report.model';
import { ticketIn } from '../factories/intake-script';
import { launchChromium } from '../support/browser';
import { useTestDatabase } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { freePort, ROOT, startProcess, type Running } from '../support/processes';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis';

// The web chat in a real headless Chromium, against the real bots process on real Redis and FerretDB.
const db = useTestDatabase('webchat');
let bots: Running;
let browser: Browser;
let neutral: http.Server;
let baseUrl: string;
let exitUrl: string;

beforeAll(async () => {
  await ReportModel.init();
  neutral = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Cuaca</title><h1>Cuaca hari ini</h1>'));
  await new Promise<void>((resolve) => neutral.listen(0, '127.0.0.1', resolve));
  exitUrl = `http://127.0.0.1:${(neutral.address() as AddressInfo).port}/search?q=cuaca`;
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  bots = startProcess('bots/main.ts', {
    BOTS_PORT: String(port), MONGODB_URI: db.uri, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: uniquePrefix('webchat'),
    TELEGRAM_BOT_TOKEN: '', WEBCHAT_EXIT_URL: exitUrl, WEBCHAT_MESSAGES_PER_MINUTE: '200', INTAKE_MESSAGES_PER_MINUTE: '1000',
    DISTRICT_ONCALL_PHONE: '0737-123-456', LOG_LEVEL: 'info',
  });
  await expectEventually(() => expect(bots.output()).toMatch(/"msg":"bots ready"/), 20_000);
  browser = await launchChromium();
}, 40_000);
afterAll(async () => {
  await browser?.close();
  bots.child.kill('SIGTERM');
  expect(await bots.exited).toBe(0);
  await new Promise((resolve) => neutral.close(resolve));
});

function chatPage(page: Page) {
  let seen = 1; // the welcome line
  const waitFor = (expected: RegExp) =>
    expectEventually(async () => {
      const texts = await page.locator('.msg.bot').allTextContents();
      const fresh = texts.slice(seen);
      const at = fresh.findIndex((t) => expected.test(t));
      if (at < 0) throw new Error(`no reply matching ${expected} in ${JSON.stringify(fresh)}`);
      seen += at + 1;
      return fresh.slice(0, at + 1);
    });
  return {
    async say(text: string, expected: RegExp) {
      await page.locator('#text').fill(text);
      await page.locator('#text').press('Enter');
      return waitFor(expected);
    },
    async choose(label: RegExp, expected: RegExp) {
      await page.locator('#options button', { hasText: label }).first().click();
      return waitFor(expected);
    },
  };
}

describe('web chat in a real browser', () => {
  it('takes a full anonymous report through the page and ends with the ticket number', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl}/chat`);
    expect(await page.title()).toBe('Lapor Anak');
    const chat = chatPage(page);
    await chat.say('halo', /RAHASIA/);
    await chat.choose(/Ya/, /bahaya SAAT INI/);
    await chat.choose(/Tidak/, /Siapa Anda/);
    await chat.choose(/Guru/, /Ceritakan/);
    // The story says what happened, the age band (kelas 5) and who did it: those are not asked.
    await chat.say('Murid kelas 5 diejek dan dikucilkan kakak kelasnya setiap istirahat', /Jenis kelamin/);
    await chat.choose(/Laki-laki/, /kecamatan/);
    await chat.say('Lubuk Pinang', /tempat kejadiannya/);
    await chat.choose(/Sekolah/, /masih berlangsung/);
    await chat.choose(/Ya/, /menghubungi/);
    await chat.choose(/Anonim/, /ringkasan/);
    const [done] = await chat.choose(/Kirim laporan/, /nomor tiket/);
    const ticket = ticketIn(done!);
    expect(ticket).toBeDefined();
    expect(await page.locator('.msg.bot').last().textContent()).toContain(ticket);

    const report = await ReportModel.findOne({ ticket }).lean();
    expect(report).toMatchObject({ channel: 'webchat', anonymous: true, category: 'perundungan', location: { kecamatan: 'Lubuk Pinang', placeType: 'sekolah' } });
    expect(report!.replyAddress).toBeUndefined();

    fs.mkdirSync(path.join(ROOT, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-artifacts/webchat-finished-report.png'), fullPage: true });
    await page.close();
  });

  it('quick exit (button or Esc) leaves for the neutral page at once and the chat is not in the back history', async () => {
    for (const how of ['button', 'escape'] as const) {
      const page = await browser.newPage();
      await page.goto(`${baseUrl}/chat`);
      await chatPage(page).say('halo', /RAHASIA/);
      expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
      if (how === 'button') await page.locator('#quick-exit').click();
      else await page.keyboard.press('Escape');
      await page.waitForURL(exitUrl);
      expect(await page.locator('h1').textContent()).toBe('Cuaca hari ini');
      await page.goBack().catch(() => undefined);
      expect(page.url()).not.toContain('/chat');
      await page.close();
    }
  });
});

describe('web chat over plain HTTP', () => {
  const session = () => crypto.randomUUID();
  const api = (body: unknown) =>
    fetch(`${baseUrl}/chat/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('works without JavaScript: the form posts and the answer comes back as a page with option buttons', async () => {
    const id = session();
    const res = await fetch(`${baseUrl}/chat`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ session: id, text: 'halo' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toMatch(/RAHASIA/);
    expect(html).toContain(`name="session" value="${id}"`);
    expect(html).toMatch(/<button type="submit" name="choice" value="consent:yes">1\. Ya<\/button>/);
    const next = await fetch(`${baseUrl}/chat`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ session: id, choice: 'consent:yes' }),
    });
    expect(await next.text()).toMatch(/bahaya SAAT INI/);
  });

  it('escapes what a visitor writes and refuses malformed calls calmly', async () => {
    const id = session();
    const res = await fetch(`${baseUrl}/chat`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ session: id, text: '<script>alert(1)</script>' }),
    });
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect((await api({ sessionId: 'not-a-uuid', text: 'halo' })).status).toBe(400);
    expect((await api({ text: 'halo' })).status).toBe(400);
    const broken = await fetch(`${baseUrl}/chat/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"sessionId":' });
    expect(broken.status).toBe(400);
    expect(bots.child.exitCode).toBeNull();
  });
});

describe('web chat rate limit', () => {
  it('answers 429 with a calm message once a client sends too fast', async () => {
    const port = await freePort();
    const limited = startProcess('bots/main.ts', {
      BOTS_PORT: String(port), MONGODB_URI: db.uri, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: uniquePrefix('webchatlimit'),
      TELEGRAM_BOT_TOKEN: '', WEBCHAT_MESSAGES_PER_MINUTE: '3', LOG_LEVEL: 'info',
    });
    try {
      await expectEventually(() => expect(limited.output()).toMatch(/"msg":"bots ready"/), 20_000);
      const id = crypto.randomUUID();
      const statuses: number[] = [];
      let last: { replies: { text: string }[] } = { replies: [] };
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/chat/api/messages`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: id, text: 'halo' }),
        });
        statuses.push(res.status);
        last = await res.json();
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(last.replies[0]!.text).toMatch(/terlalu cepat/);
    } finally {
      limited.child.kill('SIGTERM');
      await limited.exited;
    }
  });
});
