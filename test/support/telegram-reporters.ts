import type { FakeTelegram } from '../fakes/telegram-bot-api';
import type { ReporterChannel } from './reporter-sim';

// Messages that come before the question they belong to (emergency numbers, "file received"): wait past them.
const INTERIM = /SEGERA hubungi|Berkas diterima|kami catat:/;

/**
 * Reporters typing to the bot through the fake Telegram: a text goes in as an update; the answer is every message the
 * bot sent to that chat since the last look (late ones included, as a person scrolling the chat sees them), waiting
 * until one that is not an interim notice arrives, or `timeoutMs`.
 */
export function telegramReporterChannel(fake: FakeTelegram, timeoutMs = 10_000): ReporterChannel & { stop(): void } {
  const inbox = new Map<number, string[]>();
  const waiting = new Map<number, () => void>();
  const stop = fake.onCall((call) => {
    if (call.method !== 'sendMessage') return;
    const chatId = Number(call.params.chat_id);
    const list = inbox.get(chatId) ?? [];
    list.push(String(call.params.text));
    inbox.set(chatId, list);
    if (!INTERIM.test(String(call.params.text))) waiting.get(chatId)?.();
  });

  const channel = (async (chatId: number, text: string) => {
    const before = inbox.get(chatId)?.length ?? 0;
    const answered = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      waiting.set(chatId, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    fake.sendText(chatId, text);
    await answered;
    waiting.delete(chatId);
    const got = inbox.get(chatId) ?? [];
    inbox.set(chatId, []);
    // Nothing new since this message went out: the caller sees only the late ones (if any), so it knows to wait.
    return got.length > before ? got : got.length ? [...got, ''] : [];
  }) as ReporterChannel & { stop(): void };
  channel.stop = stop;
  return channel;
}
