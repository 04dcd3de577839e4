import type { Page } from 'playwright-core';
import { expectEventually } from './expect-eventually';

/**
 * A reporter at the web chat page in a real browser: types or taps, and waits for the bot's next reply matching what
 * they expect (replies already read are skipped, the welcome line first).
 */
export function chatPage(page: Page) {
  let seen = 1; // the welcome line
  const waitFor = (expected: RegExp, selector = '.msg.bot') =>
    expectEventually(async () => {
      const texts = await page.locator(selector).allTextContents();
      const fresh = texts.slice(selector === '.msg.bot' ? seen : 0);
      const at = fresh.findIndex((t) => expected.test(t));
      if (at < 0) throw new Error(`no reply matching ${expected} in ${JSON.stringify(fresh)}`);
      if (selector === '.msg.bot') seen += at + 1;
      return fresh.slice(0, at + 1);
    }, 15_000);
  return {
    waitFor,
    async say(text: string, expected: RegExp) {
      await page.locator('#text').fill(text);
      await page.locator('#text').press('Enter');
      return waitFor(expected);
    },
    async choose(label: RegExp, expected: RegExp) {
      await page.locator('#options button', { hasText: label }).first().click();
      return waitFor(expected);
    },
    async attach(file: { name: string; mimeType: string; buffer: Buffer }, expected: RegExp) {
      await page.locator('#file').setInputFiles(file);
      return waitFor(expected);
    },
  };
}
