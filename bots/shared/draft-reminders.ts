import type { DraftStore } from '../../src/intake/draft-store';
import type { Logger } from '../../src/logger';
import type { BotsContext } from './bots-context';
import { errorText } from '../../src/runtime/error-text';

const EVERY_MS = 60_000;

/** Once a minute: drafts about to expire get a reminder through their channel (claimed once across processes). */
export function startDraftReminders(deps: {
  drafts: DraftStore;
  senders: BotsContext['senders'];
  logger: Logger;
  shutdown: BotsContext['shutdown'];
}): void {
  const { drafts, senders, logger } = deps;
  const tick = async () => {
    try {
      for (const reminder of await drafts.findDraftsDueForReminder(new Date())) {
        const send = senders[reminder.channel];
        if (!send) continue;
        await send(reminder.chatId, [reminder.message]).catch((err) =>
          logger.warn({ err: errorText(err), draftId: reminder.draftId }, 'draft reminder not sent'));
      }
    } catch (err) {
      logger.warn({ err: errorText(err) }, 'draft reminders skipped this round');
    }
  };
  const timer = setInterval(() => void tick(), EVERY_MS);
  timer.unref();
  deps.shutdown.onStop('draft-reminders', () => clearInterval(timer));
}
