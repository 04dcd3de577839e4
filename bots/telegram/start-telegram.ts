import { timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import type { Telegraf } from 'telegraf';
import type { Logger } from '../../src/logger';
import { errorText } from '../../src/runtime/error-text';
import type { PerChatQueue } from '../shared/per-chat-queue';

export interface TelegramMode {
  /** Set: webhook mode on this URL; unset: long polling. */
  webhookUrl?: string;
  webhookSecret?: string;
}

export interface RunningTelegram {
  /** The webhook route for the bots HTTP server (webhook mode only). */
  router?: Router;
  stop(): Promise<void>;
}

const COMMANDS = [
  { command: 'start', description: 'Mulai atau lanjutkan laporan / Start or continue a report' },
  { command: 'status', description: 'Laporan saya / My reports' },
  { command: 'kembali', description: 'Kembali satu langkah / Go back one step' },
  { command: 'batal', description: 'Batalkan dan hapus draf / Cancel and forget the draft' },
  { command: 'bantuan', description: 'Bantuan / Help' },
  { command: 'bahasa', description: 'Ganti bahasa / Change language' },
];
const RELAUNCH_MAX_MS = 60_000;

/** Starts receiving updates: long polling by default, the webhook when a URL is configured. */
export async function startTelegram(
  { bot, chats }: { bot: Telegraf; chats: PerChatQueue },
  mode: TelegramMode,
  logger: Logger,
): Promise<RunningTelegram> {
  await bot.telegram.setMyCommands(COMMANDS).catch((err) => logger.warn({ err: errorText(err) }, 'telegram commands not set'));

  if (mode.webhookUrl && mode.webhookSecret) {
    bot.botInfo ??= await bot.telegram.getMe();
    await bot.telegram.setWebhook(mode.webhookUrl, { secret_token: mode.webhookSecret });
    logger.info('telegram receiving by webhook');
    return { router: webhookRouter(bot, new URL(mode.webhookUrl).pathname, mode.webhookSecret, logger), stop: () => chats.drain() };
  }

  let stopping = false;
  const polling = (async () => {
    // A failed launch (Telegram unreachable, bad token) is retried with backoff: the other channels keep running.
    for (let attempt = 0; !stopping; attempt++) {
      try {
        await bot.launch({ dropPendingUpdates: false }, () => logger.info('telegram receiving by long polling'));
        attempt = 0;
      } catch (err) {
        if (stopping) break;
        const waitMs = Math.min(1000 * 2 ** attempt, RELAUNCH_MAX_MS);
        logger.error({ err: errorText(err), retryInMs: waitMs }, 'telegram polling stopped; retrying');
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  })();
  return {
    async stop() {
      stopping = true;
      try {
        bot.stop('shutdown');
      } catch {
        // not running (launch still failing): nothing to stop
      }
      await polling;
      await chats.drain();
    },
  };
}

/** POST <path>: only Telegram knows the secret; anything else gets 401 and is not read. */
function webhookRouter(bot: Telegraf, path: string, secret: string, logger: Logger): Router {
  const router = express.Router();
  const expected = Buffer.from(secret);
  router.post(
    path,
    (req, res, next) => {
      const given = Buffer.from(String(req.get('x-telegram-bot-api-secret-token') ?? ''));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.status(401).json({ error: 'unauthorized' });
        return;
      }
      next();
    },
    express.json({ limit: '1mb' }),
    async (req, res) => {
      const update = req.body as { update_id?: unknown };
      if (!update || typeof update.update_id !== 'number') {
        res.status(400).json({ error: 'not an update' });
        return;
      }
      try {
        await bot.handleUpdate(update as Parameters<Telegraf['handleUpdate']>[0]);
      } catch (err) {
        logger.error({ err: errorText(err) }, 'telegram webhook update failed');
      }
      res.status(200).json({ ok: true });
    },
  );
  return router;
}
