import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-bot-api';
import { expectEventually } from './expect-eventually';
import { freePort, startProcess, type Running } from './processes';
import { TEST_REDIS_URL, uniquePrefix } from './redis';

/**
 * The real bots process (`bots/main.ts`) talking to a fake Telegram Bot API, on real Redis and the given database.
 * `restart()` stops the process with SIGTERM and starts it again on the same stores.
 */
export async function startTelegramBots(label: string, mongoUri: string, env: Record<string, string> = {}) {
  const fake = await startFakeTelegram();
  const prefix = uniquePrefix(label);
  const port = await freePort();
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), `lapor-media-${label}-`));
  const fullEnv = {
    TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, MONGODB_URI: mongoUri, REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix, BOTS_PORT: String(port), MEDIA_DIR: mediaDir, DISTRICT_ONCALL_PHONE: '0737-123-456',
    INTAKE_MESSAGES_PER_MINUTE: '1000', LOG_LEVEL: 'info', WHATSAPP_ENABLED: 'false', ...env,
  };
  let bots = await launch();

  async function launch(): Promise<Running> {
    const proc = startProcess('bots/main.ts', fullEnv);
    await expectEventually(() => expect(proc.output()).toMatch(/"msg":"bots ready"/), 60_000);
    return proc;
  }

  return {
    fake, prefix, port, mediaDir,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => bots.output(),
    process: () => bots,
    chat: (chatId: number) => telegramChat(fake, chatId),
    async restart() {
      bots.child.kill('SIGTERM');
      await bots.exited;
      bots = await launch();
    },
    /** SIGKILL, as a crash or an out-of-memory kill would, then the same process started again. */
    async crash() {
      bots.child.kill('SIGKILL');
      await bots.exited;
      bots = await launch();
    },
    async stop() {
      bots.child.kill('SIGTERM');
      const code = await bots.exited;
      await fake.close();
      fs.rmSync(mediaDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** A reporter in one private chat: says things, presses buttons, waits for the answer it expects. */
export function telegramChat(fake: FakeTelegram, chatId: number) {
  let seen = 0;
  const chat = {
    /** Every message the bot sent to this chat so far. */
    texts: () => fake.textsTo(chatId),
    /** Waits for a new message matching `expected`; returns the new messages up to it and moves past them. */
    async waitFor(expected: RegExp, timeoutMs = 10_000): Promise<string[]> {
      return expectEventually(() => {
        const fresh = fake.textsTo(chatId).slice(seen);
        const at = fresh.findIndex((t) => expected.test(t));
        if (at < 0) throw new Error(`no message matching ${expected} in ${JSON.stringify(fresh)}`);
        seen += at + 1;
        return fresh.slice(0, at + 1);
      }, timeoutMs);
    },
    async say(text: string, expected: RegExp): Promise<string[]> {
      fake.sendText(chatId, text);
      return chat.waitFor(expected);
    },
    /** The buttons under the last message that has any: [label, callback_data]. */
    buttons(): [string, string][] {
      const withKeyboard = fake.messagesTo(chatId).filter((m) => m.reply_markup?.inline_keyboard).at(-1);
      const rows: { text: string; callback_data: string }[][] = withKeyboard?.reply_markup.inline_keyboard ?? [];
      return rows.flat().map((b) => [b.text, b.callback_data]);
    },
    async press(label: RegExp, expected: RegExp): Promise<string[]> {
      const button = chat.buttons().find(([text]) => label.test(text));
      if (!button) throw new Error(`no button ${label} in ${JSON.stringify(chat.buttons())}`);
      fake.pressButton(chatId, button[1]);
      return chat.waitFor(expected);
    },
  };
  return chat;
}
