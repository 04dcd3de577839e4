import { UnrecoverableError, Worker, type Queue } from 'bullmq';

type TelegramError = { code?: number; parameters?: { retry_after?: number }; description?: string };

/**
 * Turns a Bot API error into what BullMQ should do: 429 pauses the whole queue as long as Telegram asked and retries;
 * 400/403 (wrong chat, bot blocked) will not fix themselves, so `onPermanent` records it and the job fails for good.
 */
export async function handleTelegramError(err: unknown, queue: Queue | undefined, onPermanent: (reason: string) => Promise<void>): Promise<never> {
  const e = err as TelegramError;
  if (e.code === 429 && queue) {
    await queue.rateLimit((e.parameters?.retry_after ?? 1) * 1000);
    throw Worker.RateLimitError();
  }
  if (e.code === 400 || e.code === 403) {
    const reason = e.description ?? String(e.code);
    await onPermanent(reason);
    throw new UnrecoverableError(`Telegram refused the message: ${reason}`);
  }
  throw err;
}
