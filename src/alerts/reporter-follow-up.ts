import type { Redis } from 'ioredis';
import { z } from 'zod';
import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import { CHANNELS } from '../reports/report-vocabulary';

// A reporter who says "danger: yes" is told at once only that the report is in the emergency queue; that a person
// has it is said only once a person's channel accepted the alert (the worker's send succeeded). Until then the
// reporter's chat is kept here, encrypted, under the draft's id, so the worker can write back (docs/domain.md,
// "The conversation"). Anonymous reporters too: this is the open chat, not a stored contact, and it expires.

export const ReporterChatSchema = z.object({
  channel: z.enum(CHANNELS),
  chatId: z.string().min(1).max(200),
  /** The draft's language when danger was heard: the follow-up is written in it. */
  language: z.string().max(20).default('id'),
});
export type ReporterChat = z.infer<typeof ReporterChatSchema>;

/** Long enough for an escalation at night to still reach the reporter; short enough to keep nothing for good. */
const KEEP_SECONDS = 2 * 24 * 3600;

export function createReporterFollowUp(redis: Redis, prefix: string, cipher: FieldCipher) {
  const chatKey = (draftId: string) => `${prefix}:alerts:reporter:${draftId}`;
  const toldKey = (subject: string) => `${prefix}:alerts:reporter-told:${subject}`;
  return {
    async remember(draftId: string, chat: ReporterChat): Promise<void> {
      await redis.set(chatKey(draftId), cipher.encrypt(JSON.stringify(chat), fieldOf(BOUND.reporterChats, draftId, 'chat')), 'EX', KEEP_SECONDS);
    },
    async recall(draftId: string): Promise<ReporterChat | null> {
      const sealed = await redis.get(chatKey(draftId));
      if (!sealed) return null;
      const parsed = ReporterChatSchema.safeParse(JSON.parse(cipher.decrypt(sealed, fieldOf(BOUND.reporterChats, draftId, 'chat'))));
      return parsed.success ? parsed.data : null;
    },
    /** True once per subject: the first person to get the alert is the one the reporter hears about. */
    async claimTelling(subject: string): Promise<boolean> {
      return (await redis.set(toldKey(subject), '1', 'EX', KEEP_SECONDS, 'NX')) === 'OK';
    },
    async releaseTelling(subject: string): Promise<void> {
      await redis.del(toldKey(subject));
    },
  };
}
export type ReporterFollowUp = ReturnType<typeof createReporterFollowUp>;

/** "draft-<draftId>" → draftId. */
export function draftIdOfSubject(subject: string): string | null {
  return /^draft-(.+)$/.exec(subject)?.[1] ?? null;
}

/**
 * The follow-up, in the reporter's language. Kept here rather than in the intake catalogues: the worker writes it,
 * outside any conversation turn. Level 0 is the petugas piket; above it a senior officer took the alert.
 */
export function followUpText(language: string, level: number): string {
  const onCall = level === 0;
  if (language === 'en') {
    return (onCall ? 'Our on-call worker has received' : 'A senior officer of our unit has received') +
      ' the emergency alert about your report and will follow it up. If the child is in danger now, still call 112.';
  }
  return (onCall ? 'Petugas piket sudah menerima' : 'Pejabat unit kami sudah menerima') +
    ' pemberitahuan darurat tentang laporan Anda dan akan menindaklanjutinya. Jika anak dalam bahaya saat ini, tetap hubungi 112.';
}
