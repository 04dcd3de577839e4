import { sealedJobField } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import { AlertModel } from '../db/models/alert.model';
import { enqueue, type Queues } from '../queue/queues';
import { draftIdOfSubject, followUpText, type ReporterFollowUp } from './reporter-follow-up';
import type { ReporterNotices } from './reporter-notices';
import type { TelegramSender } from './send-alert';

export interface TellReporterDeps {
  followUp: ReporterFollowUp;
  notices: ReporterNotices;
  hasher: (value: string) => string;
  cipher: FieldCipher;
  queues: Partial<Queues>;
  /** Absent without TELEGRAM_BOT_TOKEN. */
  telegram?: TelegramSender;
}

export type TellOutcome = { outcome: 'told' | 'already_told' | 'no_chat' | 'not_applicable' | 'unreachable'; channel?: string };

/**
 * A person has an urgent-draft alert (the only times this job is queued: their channel accepted it, or they accepted
 * it on the panel's /alerts): the reporter hears it, once per subject, on their own chat.
 * Telegram directly, WhatsApp through the bots process's queue, the web chat with its next answer. A failed send
 * gives the telling back, so the job's retry tells them.
 */
export async function tellReporterAlertHeard(alertId: string, deps: TellReporterDeps): Promise<TellOutcome> {
  // The job is queued only after the send succeeded or the acknowledgement, so it is the proof: `sentAt` is not read back. On FerretDB an
  // update of the same alert in the same moment (an escalation used to write one) can write back the document as it
  // was before `sentAt`, and the reporter would never hear (seen in CI).
  const alert = await AlertModel.findById(alertId, { subject: 1, kind: 1, level: 1 }).lean();
  const draftId = alert?.kind === 'urgent_draft' ? draftIdOfSubject(alert.subject) : null;
  if (!alert || !draftId) return { outcome: 'not_applicable' };
  const chat = await deps.followUp.recall(draftId);
  if (!chat) return { outcome: 'no_chat' };
  if (!(await deps.followUp.claimTelling(alert.subject))) return { outcome: 'already_told' };
  const text = followUpText(chat.language, alert.level);
  try {
    switch (chat.channel) {
      case 'telegram':
        if (!deps.telegram) return { outcome: 'unreachable', channel: chat.channel };
        await deps.telegram.sendMessage(chat.chatId, text);
        break;
      case 'whatsapp':
        await enqueue(deps.queues, 'whatsapp_send', {
          messageId: `heard-${alertId}`, sealed: deps.cipher.encrypt(JSON.stringify({ chatId: chat.chatId, text }), sealedJobField(`heard-${alertId}`)),
        });
        break;
      case 'webchat':
        await deps.notices.add(deps.hasher(`webchat:${chat.chatId}`), text);
        break;
      default:
        // The Cloud API needs a template outside its window; the ticket message already says how to follow up.
        return { outcome: 'unreachable', channel: chat.channel };
    }
  } catch (err) {
    await deps.followUp.releaseTelling(alert.subject).catch(() => undefined);
    throw err;
  }
  return { outcome: 'told', channel: chat.channel };
}
