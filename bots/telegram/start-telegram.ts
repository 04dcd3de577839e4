import { timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import type { Telegraf } from 'telegraf';
import type { Logger } from '../../src/logger';
import { errorText } from '../../src/runtime/error-text';
import { UpdateNotStoredError, type TelegramBot } from './create-bot';

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
// Telegram's own default, said out loud: at most this many webhook requests at once, over all chats. A chat's updates
// never travel side by side whatever it is (the Bot API sends a chat's next update once the previous one is answered),
// and an answer only waits for the update to be stored in Redis, so a few connections carry a lot.
const WEBHOOK_MAX_CONNECTIONS = 40;

/** Starts receiving updates: long polling by default, the webhook when a URL is configured. */
export async function startTelegram({ bot, inbox, chats }: TelegramBot, mode: TelegramMode, logger: Logger): Promise<RunningTelegram> {
  await bot.telegram.setMyCommands(COMMANDS).catch((err) => logger.warn({ err: errorText(err) }, 'telegram commands not set'));
  // Chats another process left waiting (it died holding them), and updates that failed and are due again.
  inbox.start();
  const stopHandling = () => Promise.all([inbox.stop(), chats.drain()]).then(() => undefined);

  if (mode.webhookUrl && mode.webhookSecret) {
    bot.botInfo ??= await bot.telegram.getMe();
    await bot.telegram.setWebhook(mode.webhookUrl, { secret_token: mode.webhookSecret, max_connections: WEBHOOK_MAX_CONNECTIONS });
    logger.info('telegram receiving by webhook');
    return { router: webhookRouter(bot, new URL(mode.webhookUrl).pathname, mode.webhookSecret, logger), stop: stopHandling };
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
      await stopHandling();
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
      // Answered once the update is stored in its chat's inbox, not once it is applied (create-bot.ts).
      try {
        await bot.handleUpdate(update as Parameters<Telegraf['handleUpdate']>[0]);
      } catch (err) {
        logger.error({ err: errorText(err) }, 'telegram webhook update failed');
        // Not stored: Telegram sends it again (and the chat's later updates wait behind it there).
        if (err instanceof UpdateNotStoredError) {
          res.status(503).json({ error: 'not stored, send again' });
          return;
        }
      }
      res.status(200).json({ ok: true });
    },
  );
  return router;
}
