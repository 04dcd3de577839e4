import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { ReportModel } from '../../src/db/models/report.model';
import { ticketIn, TO_CONFIRM_SAME_CHAT } from '../factories/intake-script';
import { launchChromium } from '../support/browser';
import { useTestDatabase } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { freePort, ROOT, startProcess, type Running } from '../support/processes';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis';
import { chatPage } from '../support/webchat-page';

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
  await expectEventually(() => expect(bots.output()).toMatch(/"msg":"bots ready"/), 60_000);
  browser = await launchChromium();
}, 40_000);
afterAll(async () => {
  await browser?.close();
  bots.child.kill('SIGTERM');
  expect(await bots.exited).toBe(0);
  await new Promise((resolve) => neutral.close(resolve));
});

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
    // The story says what happened, the age band (kelas 5), who did it and that it goes on ("setiap istirahat"):
    // those are not asked.
    await chat.say('Murid kelas 5 diejek dan dikucilkan kakak kelasnya setiap istirahat', /Masih berlangsung: Ya/);
    await chat.waitFor(/Jenis kelamin/);
    await chat.choose(/Laki-laki/, /kecamatan/);
    await chat.say('Lubuk Pinang', /tempat kejadiannya/);
    await chat.choose(/Sekolah/, /menghubungi/);
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

describe('web chat limits never silence a report', () => {
  // Defaults for every limit: WEBCHAT_MESSAGES_PER_MINUTE 20 per session, 30 new sessions per address per 10 minutes.
  let port: number;
  let limited: Running;
  beforeAll(async () => {
    port = await freePort();
    limited = startProcess('bots/main.ts', {
      BOTS_PORT: String(port), MONGODB_URI: db.uri, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: uniquePrefix('webchatlimit'),
      TELEGRAM_BOT_TOKEN: '', DISTRICT_ONCALL_PHONE: '0737-123-456', LOG_LEVEL: 'info',
    });
    await expectEventually(() => expect(limited.output()).toMatch(/"msg":"bots ready"/), 60_000);
  }, 40_000);
  afterAll(async () => {
    limited.child.kill('SIGTERM');
    await limited.exited;
  });
  const say = async (sessionId: string, text: string) => {
    const res = await fetch(`http://127.0.0.1:${port}/chat/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, text }),
    });
    return { status: res.status, ...((await res.json()) as { replies: { text: string; urgent?: boolean }[]; emergency: boolean }) };
  };

  it('two reporters behind one address both finish a report at a normal pace', async () => {
    const reporters = [crypto.randomUUID(), crypto.randomUUID()];
    const script = [...TO_CONFIRM_SAME_CHAT, '1'];
    const last: string[] = [];
    for (const text of script) {
      // Both at once, then a short pause: two people typing, not a script hammering the server.
      const answers = await Promise.all(reporters.map((id) => say(id, text)));
      for (const a of answers) {
        expect(a.status).toBe(200);
        expect(a.replies.map((r) => r.text).join('\n')).not.toMatch(/terlalu cepat|too fast/i);
      }
      last.splice(0, 2, ...answers.map((a) => a.replies.map((r) => r.text).join('\n')));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const text of last) expect(ticketIn(text)).toBeDefined();
  }, 120_000);

  it("an urgent report's ticket message repeats the emergency numbers", async () => {
    const id = crypto.randomUUID();
    const script = [...TO_CONFIRM_SAME_CHAT, '1'];
    script[2] = 'ya'; // danger now
    let answer = await say(id, script[0]!);
    for (const text of script.slice(1)) answer = await say(id, text);
    const ticketMessage = answer.replies.at(-1)!;
    expect(ticketIn(ticketMessage.text)).toBeDefined();
    expect(ticketMessage.text).toMatch(/112/);
    expect(ticketMessage.text).toContain('0737-123-456');
    expect(ticketMessage.urgent).toBe(true);
    expect(answer.emergency).toBe(true);
  }, 120_000);
});

describe('the emergency numbers in a real browser', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    it(`stay pinned in view as tap-to-call links at ${viewport.width}x${viewport.height}`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(`${baseUrl}/chat`);
      expect(await page.locator('#emergency').isVisible()).toBe(false);
      const chat = chatPage(page);
      await chat.say('halo', /RAHASIA/);
      await chat.choose(/Ya/, /bahaya SAAT INI/);
      await chat.choose(/^1\. Ya$/, /Siapa Anda/);
      await page.locator('#options button', { hasText: /Guru/ }).waitFor();
      await chat.choose(/Guru/, /Ceritakan/);
      // The next question with its buttons: the numbers must stay above them.
      await chat.say('Murid kelas 5 dipukul dan diejek kakak kelasnya setiap istirahat', /Jenis kelamin/);
      await page.locator('#options button').last().waitFor();

      const links = page.locator('#emergency a');
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(expect.arrayContaining(['tel:112', 'tel:110', 'tel:129', 'https://wa.me/628111129129', 'tel:0737123456']));
      const inView = async () => {
        for (const box of await links.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().toJSON() as DOMRect))) {
          expect(box.width).toBeGreaterThan(0);
          expect(box.top).toBeGreaterThanOrEqual(0);
          expect(box.left).toBeGreaterThanOrEqual(0);
          expect(box.bottom).toBeLessThanOrEqual(viewport.height);
          expect(box.right).toBeLessThanOrEqual(viewport.width);
        }
      };
      await inView();
      // Scrolled down to the buttons of the next question, as a reporter is: still there.
      await page.locator('#options button').last().scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await inView();
      const options = await page.locator('#options button').last().boundingBox();
      expect(options!.y + options!.height).toBeLessThanOrEqual(viewport.height + 1);

      fs.mkdirSync(path.join(ROOT, 'test-artifacts'), { recursive: true });
      await page.screenshot({ path: path.join(ROOT, `test-artifacts/webchat-emergency-${viewport.width}x${viewport.height}.png`) });
      await page.close();
    }, 90_000);
  }

  it('shows the pinned numbers on the page without JavaScript too, once danger is heard', async () => {
    const id = crypto.randomUUID();
    const post = (fields: Record<string, string>) => fetch(`${baseUrl}/chat`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ session: id, ...fields }),
    }).then((r) => r.text());
    expect(await post({ text: 'halo' })).toMatch(/<aside id="emergency"[^>]*hidden>/);
    await post({ choice: 'consent:yes' });
    const html = await post({ choice: 'danger:yes' });
    expect(html).toMatch(/<aside id="emergency" class="emergency" aria-label="Nomor darurat">/);
    expect(html).toContain('href="tel:112"');
    // Still there on the next page.
    expect(await post({ text: '4' })).toMatch(/<aside id="emergency" class="emergency" aria-label="Nomor darurat">/);
  });
});
