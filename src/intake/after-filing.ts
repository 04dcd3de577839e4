import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Config } from '../config';
import type { FieldCipher } from '../crypto/field-cipher';
import { ReportModel } from '../db/models/report.model';
import type { Logger } from '../logger';
import { enqueue, type Queues } from '../queue/queues';
import { listReporterReports } from '../reports/list-reporter-reports';
import type { MediaStore } from '../reports/media-store';
import { followUpReportOf, recordReporterMessage, type FollowUpReport, type ReporterMessageInput } from '../reports/reporter-messages';
import { askAgain, type EngineContext } from './advance-intake';
import { AFTER_FILING_TEXTS } from './after-filing-texts';
import { matchKey } from './answers';
import { catalogueFor } from './catalogues/catalogue-for';
import type { Draft, Language } from './draft';
import type { InboundMessage, OutboundMessage } from './messages';
import { errorText } from '../runtime/error-text';
import { withTimeout } from '../runtime/with-timeout';

/*
 * A message about a filed report, or a new report? The decision, in one place:
 *
 * - A draft is open: the message belongs to the draft (the engine), always.
 * - No draft is open, and the chat filed a report within INTAKE_FOLLOW_UP_DAYS (30 by default) that was not rejected:
 *   what the reporter writes, sends (photo, voice note, document) or shares (a location) joins that report's
 *   conversation, stored encrypted, and whoever works the report is told. The reporter hears that it was passed on and
 *   how to start a new report. People come back to add "he did it again" far more often than to report a second child;
 *   a second report is a deliberate act ("laporan baru", "new report", "mulai"), and the engine's words (status, help,
 *   cancel, language, the emergency words) keep their meaning. A pressed button of the old conversation goes to the
 *   engine as before.
 * - Otherwise (no report, or older, or rejected): the engine greets and a new report starts.
 *
 * `status ADU-XXXX-XXXX` answers that ticket's status if the chat filed it, else the chat's own reports, with or
 * without a draft, and never restarts the greeting.
 *
 * Which report a chat filed last is a marker in Redis (`intake:filed:<chat hash>`, kept for INTAKE_FOLLOW_UP_DAYS), set
 * when the report is stored: a message with no draft costs one GET, not a query on reports (on FerretDB any query
 * but by `_id` reads every document). Without the marker (Redis lost it, or the report predates this) the message
 * starts a new report, as it did before.
 */

const ENGINE_WORDS = new Set([
  'batal', 'cancel', 'batalkan', 'kembali', 'back', 'bantuan', 'help', 'tolong', 'darurat', 'emergency', 'sos',
  'bahasa', 'language', 'lang', 'start', 'mulai',
]);
/** Asking for a new report on purpose (the engine then greets). */
const NEW_REPORT_WORDS = new Set([
  'laporanbaru', 'laporbaru', 'buatlaporanbaru', 'buatlaporan', 'mulailagi', 'laporlagi', 'baru', 'newreport', 'startagain',
]);
const STATUS_WITH_TICKET = /^\s*\/?status\s+(adu-[a-z0-9]{4}-[a-z0-9]{4})\s*$/i;

export interface AfterFilingDeps {
  redis: Redis;
  cipher: FieldCipher;
  queues: Partial<Queues>;
  mediaStore: MediaStore;
  config: Pick<Config, 'media' | 'intake' | 'redis'>;
  district: { timezone: string };
  logger: Logger;
  enqueueTimeoutMs: number;
  mediaFetchTimeoutMs: number;
}

const FiledMarkerSchema = z.object({ id: z.string(), ticket: z.string(), language: z.enum(['id', 'en']) });

export interface AfterFiling {
  /** Answers a message that is not the draft's, or says `undefined`: the engine takes it. */
  (message: InboundMessage, chatHash: string, at: Date, draft: Draft | null, ctx: EngineContext): Promise<OutboundMessage[] | undefined>;
  /** Notes the report a chat just filed: its next messages (no draft open) join it. */
  remember(chatHash: string, report: FollowUpReport): Promise<void>;
}

export function createAfterFiling(deps: AfterFilingDeps): AfterFiling {
  const { redis, cipher, queues, mediaStore, config, logger } = deps;
  const markerKey = (chatHash: string) => `${config.redis.prefix}:intake:filed:${chatHash}`;

  async function lastFiled(chatHash: string): Promise<FollowUpReport | null> {
    const raw = await redis.get(markerKey(chatHash));
    const marker = raw ? FiledMarkerSchema.safeParse(parseJson(raw)) : null;
    return marker?.success ? followUpReportOf(marker.data) : null;
  }

  const afterFiling = (async (message, chatHash, at, draft, ctx) => {
    const text = message.kind === 'text' ? (message.text ?? '') : undefined;
    const ticket = text === undefined ? undefined : STATUS_WITH_TICKET.exec(text)?.[1]?.toUpperCase();
    if (ticket) {
      const language = draft?.language ?? (await latestLanguage(chatHash));
      const status = await statusOf(chatHash, ticket, language);
      return draft ? [status, ...askAgain(draft, ctx, '')] : [status];
    }
    if (draft || message.kind === 'choice') return undefined;
    const key = text === undefined ? undefined : matchKey(text);
    if (key !== undefined && (ENGINE_WORDS.has(key) || NEW_REPORT_WORDS.has(key))) return undefined;

    if (config.intake.followUpDays <= 0) return undefined;
    const report = await lastFiled(chatHash);
    if (!report) return undefined;
    const said = AFTER_FILING_TEXTS[report.language];
    if (key === 'status') {
      const status = await statusOf(chatHash, undefined, report.language);
      return tag([{ text: `${status.text}\n\n${said.newReportHint}` }], report.language);
    }
    const input = await toMessageInput(message, report);
    if (typeof input === 'string') return tag([{ text: input }], report.language);
    return tag(await forward(report, input, at), report.language);
  }) as AfterFiling;

  // Ids and the ticket only: nothing personal. The key names the chat by its keyed hash, as the draft's does.
  afterFiling.remember = async (chatHash, report) => {
    await redis.set(markerKey(chatHash), JSON.stringify(report), 'EX', config.intake.followUpDays * 86_400);
  };

  /** What the reporter sent, ready to store; a string is the calm answer when it cannot be. */
  async function toMessageInput(message: InboundMessage, report: FollowUpReport): Promise<ReporterMessageInput | string> {
    const said = AFTER_FILING_TEXTS[report.language];
    if (message.kind === 'text' && message.text?.trim()) return { text: message.text };
    if (message.kind === 'location' && message.location) return { location: message.location };
    if (message.kind !== 'media' || !message.media) return said.notForwardable(report.ticket);
    const mimeType = (message.media.mimeType ?? '').toLowerCase();
    if (!config.media.allowedTypes.includes(mimeType)) return said.wrongType;
    const maxMb = Math.floor(config.media.maxBytes / 1048576);
    if ((message.media.size ?? 0) > config.media.maxBytes) return said.tooLarge(maxMb);
    try {
      if (!message.fetchMedia) throw new Error('channel gave no way to fetch the file');
      const bytes = await withTimeout(message.fetchMedia(), deps.mediaFetchTimeoutMs);
      if (bytes.length > config.media.maxBytes) return said.tooLarge(maxMb);
      if (bytes.length === 0) throw new Error('empty file');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const storageKey = await mediaStore.put(bytes);
      return { text: message.text, media: { kind: message.media.kind, mimeType, size: bytes.length, sha256, storageKey } };
    } catch (err) {
      logger.warn({ err: errorText(err), reportId: report.id }, 'follow-up media not stored');
      return said.failed;
    }
  }

  async function forward(report: FollowUpReport, input: ReporterMessageInput, at: Date): Promise<OutboundMessage[]> {
    const said = AFTER_FILING_TEXTS[report.language];
    let messageId: string;
    try {
      messageId = await recordReporterMessage(report.id, input, cipher, at);
    } catch (err) {
      logger.error({ err: errorText(err), reportId: report.id }, 'reporter message not stored');
      if (input.media) await mediaStore.remove(input.media.storageKey).catch(() => undefined);
      return [{ text: said.failed }];
    }
    logger.info({ reportId: report.id, messageId }, 'reporter wrote after filing');
    try {
      await withTimeout(enqueue(queues, 'reporter_message', { reportId: report.id, messageId }), deps.enqueueTimeoutMs);
    } catch (err) {
      // The message is stored and shown on the report page; only the nudge to its holder is lost.
      logger.warn({ err: errorText(err), reportId: report.id }, 'reporter message alert not queued');
    }
    return [{ text: said.forwarded(report.ticket) }];
  }

  async function statusOf(chatHash: string, ticket: string | undefined, language: Language): Promise<OutboundMessage> {
    const t = catalogueFor(language);
    const date = (d: Date) => d.toLocaleDateString('en-GB', { timeZone: deps.district.timezone });
    if (ticket) {
      const own = await ReportModel.findOne({ ticket, reporterHash: chatHash }, { ticket: 1, status: 1, receivedAt: 1 }).lean();
      if (own) return { text: `${t.status.header}\n${t.status.line(own.ticket, t.status.states[own.status], date(own.receivedAt))}`, language };
    }
    // Someone else's ticket reveals nothing: the chat's own reports, as plain `status` answers.
    const reports = await listReporterReports(chatHash);
    if (!reports.length) return { text: t.status.none, language };
    const lines = reports.map((r) => t.status.line(r.ticket, t.status.states[r.status], date(r.receivedAt)));
    return { text: `${t.status.header}\n${lines.join('\n')}`, language };
  }

  return afterFiling;

  async function latestLanguage(chatHash: string): Promise<Language> {
    const [latest] = await ReportModel.find({ reporterHash: chatHash }, { language: 1 }).sort({ receivedAt: -1 }).limit(1).lean();
    return latest?.language === 'en' ? 'en' : 'id';
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function tag(replies: OutboundMessage[], language: Language): OutboundMessage[] {
  return replies.map((r) => ({ ...r, language }));
}


