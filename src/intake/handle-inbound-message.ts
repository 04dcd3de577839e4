import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createReporterFollowUp } from '../alerts/reporter-follow-up';
import type { Config } from '../config';
import type { FieldCipher } from '../crypto/field-cipher';
import type { District } from '../districts/district';
import { emergencyNumbersText } from '../districts/emergency-numbers';
import type { Logger } from '../logger';
import { enqueue, type Queues } from '../queue/queues';
import { listReporterReports } from '../reports/list-reporter-reports';
import { createSenderBlockList } from '../reports/sender-blocks';
import type { MediaStore } from '../reports/media-store';
import { storeReport } from '../reports/store-report';
import { advanceIntake, askAgain, type EngineContext } from './advance-intake';
import { createAfterFiling } from './after-filing';
import type { Catalogue } from './catalogues/catalogue';
import { catalogueFor } from './catalogues/catalogue-for';
import { en } from './catalogues/en';
import { id as idCatalogue } from './catalogues/id';
import type { Draft, MediaRef } from './draft';
import { createDraftStore, type DraftStore, type LoadedDraft } from './draft-store';
import type { IntakeEffect } from './effects';
import { createIntakeLimits } from './limits';
import { InboundMessageSchema, type HandleInboundMessage, type InboundMessage, type OutboundMessage } from './messages';
import { toConfirmedReport } from './to-confirmed-report';
import { errorText } from '../runtime/error-text';
import { withTimeout } from '../runtime/with-timeout';

/** What the intake service needs; every channel adapter passes the same things. */
export interface IntakeDeps {
  /** ioredis connection (not a BullMQ worker one): drafts, per-chat locks, abuse counters. */
  redis: Redis;
  /** createFieldCipher(config.crypto): drafts, report fields and media are encrypted with it. */
  cipher: FieldCipher;
  /** createLookupHasher(config.crypto.lookupHashKey): chats are found by this keyed hash, never by raw id. */
  hasher: (value: string) => string;
  /** Open queues; `reports` (triage) and `alerts` (urgent drafts) are used. */
  queues: Partial<Queues>;
  district: District;
  config: Pick<Config, 'redis' | 'media' | 'intake'>;
  logger: Logger;
  /** Where reporters' files go (createFolderMediaStore(config.media.dir, cipher)). */
  mediaStore: MediaStore;
  /** The clock; tests pass their own. */
  now?: () => Date;
}

const MEDIA_FETCH_TIMEOUT_MS = 30_000;
// Queue connections wait for Redis to come back instead of failing; a reporter must not wait with them.
const ENQUEUE_TIMEOUT_MS = 3_000;

/**
 * The intake conversation as a channel sees it: one InboundMessage in, the replies to send in order out.
 * Loads and saves the chat's draft, runs the engine, performs its effects (alerts, media, the report itself).
 * Never throws for anything a reporter can send; an unexpected failure answers calmly and keeps the draft.
 */
export function createIntakeHandler(deps: IntakeDeps): HandleInboundMessage & { drafts: DraftStore } {
  const { redis, cipher, hasher, queues, district, config, logger, mediaStore } = deps;
  const now = deps.now ?? (() => new Date());
  const drafts = createDraftStore({
    redis,
    cipher,
    prefix: config.redis.prefix,
    ttlMinutes: config.intake.draftTtlMinutes,
    reminderBeforeMinutes: config.intake.reminderBeforeMinutes,
  });
  const limits = createIntakeLimits(redis, config.redis.prefix, config.intake, district.timezone);
  const blockList = createSenderBlockList({ redis, prefix: config.redis.prefix });
  // Messages after filing (no draft open) join the filed report; `status ADU-…` answers one ticket (after-filing.ts).
  const afterFiling = createAfterFiling({
    redis, cipher, queues, mediaStore, config, district, logger,
    enqueueTimeoutMs: ENQUEUE_TIMEOUT_MS, mediaFetchTimeoutMs: MEDIA_FETCH_TIMEOUT_MS,
  });
  const followUp = createReporterFollowUp(redis, config.redis.prefix, cipher);

  async function handle(raw: InboundMessage): Promise<OutboundMessage[]> {
    const message = toValidMessage(raw);
    if (!message) {
      logger.warn('inbound message without a usable channel or chat id dropped');
      return [];
    }
    const chatHash = hasher(`${message.channel}:${message.chatId}`);
    const at = now();
    // Both in one round trip: every message pays for these.
    const [rate, blocked] = await Promise.all([limits.hitMessage(chatHash, at), isBlocked(chatHash, at)]);
    // The danger question's answer, and everything once danger was heard, is never limited (one read, only when over).
    const limited = rate !== 'ok' && !(await isDangerConversation(chatHash));
    if (limited && rate === 'over') return [];
    if (limited && rate === 'first_over') return [{ text: bilingual((t) => t.limits.rate) }];
    if (blocked) return blockedNotice(chatHash);

    const outcome = await drafts.withChatLock(chatHash, (loaded) => handleLocked(message, chatHash, at, loaded));
    return outcome === 'busy' ? [{ text: bilingual((t) => t.limits.busy) }] : outcome;
  }

  async function isDangerConversation(chatHash: string): Promise<boolean> {
    const loaded = await drafts.load(chatHash).catch(() => null);
    return Boolean(loaded && (loaded.draft.urgentAlerted || loaded.draft.answers.danger === 'yes' || loaded.draft.step === 'danger'));
  }

  // With the database unreachable the block list cannot be read: let the message through rather than lose a report.
  async function isBlocked(chatHash: string, at: Date): Promise<boolean> {
    try {
      return await blockList.isBlocked(chatHash, at);
    } catch (err) {
      logger.warn({ err: errorText(err) }, 'block list not readable; message let through');
      return false;
    }
  }

  // A blocked sender's messages reach no draft and no queue. They hear why once a day, with the emergency numbers,
  // so a child wrongly blocked is never left without a way to get help.
  async function blockedNotice(chatHash: string): Promise<OutboundMessage[]> {
    const first = await redis.set(`${config.redis.prefix}:intake:blocked-notice:${chatHash}`, '1', 'EX', 86_400, 'NX');
    return first === 'OK' ? [{ text: bilingual((t) => t.limits.blocked) }] : [];
  }

  async function handleLocked(message: InboundMessage, chatHash: string, at: Date, loaded: LoadedDraft | null): Promise<OutboundMessage[]> {
    const t = catalogueFor(loaded?.draft.language ?? 'id');
    if (limits.isTooLong(message.text)) return [{ text: t.limits.tooLong(config.intake.maxTextLength) }];

    const ctx: EngineContext = {
      district,
      now: at,
      newDraftId: randomUUID,
      resumeAfterMinutes: config.intake.resumeAfterMinutes,
      media: { maxBytes: config.media.maxBytes, allowedTypes: config.media.allowedTypes, maxFiles: config.intake.maxFilesPerReport },
    };
    const early = await afterFiling(message, chatHash, at, loaded?.draft ?? null, ctx);
    if (early) return early;
    const result = advanceIntake(loaded?.draft ?? null, message, ctx);
    let draft = result.draft;
    let replies = result.replies;
    const first: OutboundMessage[] = [];

    for (const effect of result.effects) {
      const done = await perform(effect, { message, chatHash, at, draft, loaded: loaded?.draft ?? null, ctx });
      if (done.draft !== undefined) draft = done.draft;
      if (done.first) first.push(...done.first);
      if (done.replies) replies = done.replies;
    }

    if (draft) {
      if (!(await drafts.save(chatHash, draft, loaded?.version ?? null))) {
        logger.warn({ draftId: draft.id }, 'draft changed underneath; answer not saved');
        return [{ text: t.limits.busy }];
      }
    } else if (loaded) {
      await drafts.remove(chatHash);
    }
    const language = draft?.language ?? loaded?.draft.language;
    return [...first, ...replies].map((r) => (language && !r.language ? { ...r, language } : r));
  }

  interface EffectInput {
    message: InboundMessage;
    chatHash: string;
    at: Date;
    draft: Draft | null;
    loaded: Draft | null;
    ctx: EngineContext;
  }
  /** `draft` replaces the draft to save (null: forget it); `first` goes before the engine's replies; `replies` replaces them. */
  interface EffectOutput {
    draft?: Draft | null;
    first?: OutboundMessage[];
    replies?: OutboundMessage[];
  }

  async function perform(effect: IntakeEffect, input: EffectInput): Promise<EffectOutput> {
    const { draft, loaded, message, chatHash, at, ctx } = input;
    const t = catalogueFor(draft?.language ?? loaded?.language ?? 'id');
    switch (effect.type) {
      case 'urgent_alert':
        // Kept first: the worker tells the reporter on this chat once a person has the alert, not before. Never in
        // the alert's way: without it the reporter only misses that follow-up.
        await withTimeout(followUp.remember(effect.draftId, { channel: message.channel, chatId: message.chatId, language: draft?.language ?? 'id' }), ENQUEUE_TIMEOUT_MS)
          .catch((err: unknown) => logger.warn({ err: errorText(err), draftId: effect.draftId }, 'reporter chat for the alert follow-up not kept'));
        try {
          await withTimeout(enqueue(queues, 'alert', { kind: 'urgent_draft', draftId: effect.draftId, channel: message.channel }), ENQUEUE_TIMEOUT_MS);
        } catch (err) {
          // The emergency numbers were shown regardless; triage alerts on-call again once the report is stored.
          logger.error({ err: errorText(err), draftId: effect.draftId }, 'urgent alert could not be queued');
        }
        return {};
      case 'list_status':
        return { first: [await statusMessage(chatHash, t)] };
      case 'forget_draft': {
        const keep = new Set(draft?.media.map((m) => m.storageKey) ?? []);
        for (const m of loaded?.media ?? []) if (!keep.has(m.storageKey)) await mediaStore.remove(m.storageKey).catch(() => undefined);
        return {};
      }
      case 'store_media': {
        if (!draft) return {};
        const ref = await fetchAndStore(message, effect).catch((err: unknown) => {
          logger.warn({ err: errorText(err), draftId: draft.id }, 'media not stored');
          return err instanceof TooLargeError ? ('too_large' as const) : null;
        });
        if (ref === null || ref === 'too_large') {
          // The file is not kept: the draft stays as it was and the same question is asked again.
          const hint = ref === 'too_large' ? t.media.tooLarge(Math.floor(config.media.maxBytes / 1048576)) : t.media.failed;
          return { draft: loaded, replies: loaded ? askAgain(loaded, ctx, hint) : [{ text: hint }] };
        }
        const media = [...draft.media, ref];
        return { draft: { ...draft, media }, first: [{ text: t.media.received(media.length) }] };
      }
      case 'submit':
        return submit(draft, message, chatHash, at, t);
    }
  }

  async function submit(draft: Draft | null, message: InboundMessage, chatHash: string, at: Date, t: Catalogue): Promise<EffectOutput> {
    if (!draft) return {};
    if ((await limits.reportsToday(chatHash, at)) >= config.intake.reportsPerDay) {
      return { replies: [{ text: t.limits.daily(config.intake.reportsPerDay) }] };
    }
    let stored: { id: string; ticket: string };
    try {
      stored = await storeReport({ cipher, hasher }, toConfirmedReport(draft), { channel: message.channel, chatId: message.chatId },
        { intakeKey: `draft:${draft.id}` });
    } catch (err) {
      // The draft stays as it is: nothing the reporter wrote is lost, and confirming again retries the write.
      logger.error({ err: errorText(err), draftId: draft.id }, 'report could not be stored');
      return { replies: [{ text: t.submitFailed }] };
    }
    logger.info({ reportId: stored.id, channel: message.channel }, 'report received');
    const counted = limits.countReport(chatHash, at).catch(() => undefined);
    if (config.intake.followUpDays > 0) {
      await afterFiling.remember(chatHash, { id: stored.id, ticket: stored.ticket, language: draft.language }).catch((err: unknown) =>
        logger.warn({ err: errorText(err), reportId: stored.id }, 'filed report not noted; a message after filing starts a new report'));
    }
    try {
      await withTimeout(enqueue(queues, 'triage', { reportId: stored.id }), ENQUEUE_TIMEOUT_MS);
    } catch (err) {
      // The database is the source of truth: the worker's sweeper re-queues reports left in `received`.
      logger.warn({ err: errorText(err), reportId: stored.id }, 'triage not queued; the sweeper will pick the report up');
    }
    await counted;
    return { draft: null, replies: [ticketMessage(draft, stored.ticket, t)] };
  }

  // An urgent report's last message repeats the emergency numbers: the ticket must not be all that is left in view.
  function ticketMessage(draft: Draft, ticket: string, t: Catalogue): OutboundMessage {
    const urgent = draft.answers.danger === 'yes' || draft.urgentAlerted;
    if (!urgent) return { text: t.submitted(ticket) };
    return { text: `${t.submitted(ticket)}\n\n${emergencyNumbersText(district, draft.language)}`, urgent: true };
  }

  async function statusMessage(chatHash: string, t: Catalogue): Promise<OutboundMessage> {
    const reports = await listReporterReports(chatHash);
    if (!reports.length) return { text: t.status.none };
    const date = (d: Date) => d.toLocaleDateString('en-GB', { timeZone: district.timezone });
    const lines = reports.map((r) => t.status.line(r.ticket, t.status.states[r.status], date(r.receivedAt)));
    return { text: `${t.status.header}\n${lines.join('\n')}` };
  }

  async function fetchAndStore(message: InboundMessage, effect: Extract<IntakeEffect, { type: 'store_media' }>): Promise<MediaRef> {
    if (!message.fetchMedia) throw new Error('channel gave no way to fetch the file');
    const bytes = await withTimeout(message.fetchMedia(), MEDIA_FETCH_TIMEOUT_MS);
    if (bytes.length > config.media.maxBytes) throw new TooLargeError();
    if (bytes.length === 0) throw new Error('empty file');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const storageKey = await mediaStore.put(bytes);
    return { kind: effect.kind, mimeType: effect.mimeType, size: bytes.length, sha256, storageKey };
  }

  const handler = (async (raw: InboundMessage) => {
    try {
      return await handle(raw);
    } catch (err) {
      logger.error({ err: errorText(err) }, 'intake failed on a message');
      return [{ text: bilingual((t) => t.unexpected) }];
    }
  }) as HandleInboundMessage & { drafts: DraftStore };
  handler.drafts = drafts;
  return handler;
}

class TooLargeError extends Error {}

/** The message as the schema allows it; an unknown shape from a channel becomes `unsupported`, not an exception. */
function toValidMessage(raw: InboundMessage): InboundMessage | null {
  const parsed = InboundMessageSchema.safeParse(raw);
  if (parsed.success) return { ...parsed.data, fetchMedia: raw.fetchMedia };
  const fallback = InboundMessageSchema.safeParse({ channel: raw?.channel, chatId: raw?.chatId, kind: 'unsupported' });
  return fallback.success ? fallback.data : null;
}

/** Before the draft is read we do not know the reporter's language: both, Indonesian first. */
function bilingual(pick: (t: Catalogue) => string): string {
  return `${pick(idCatalogue)}\n\n${pick(en)}`;
}


