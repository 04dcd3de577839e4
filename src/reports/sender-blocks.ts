import type { Redis } from 'ioredis';
import { recordAuditEvent, type Actor } from '../audit/record-audit-event';
import { SenderBlockModel } from '../db/models/sender-block.model';

export const MAX_BLOCK_DAYS = 365;

/** Where a change of the block list is announced to every bots process: a counter in Redis. */
export interface BlockListSignal {
  redis: Redis;
  prefix: string;
}
const versionKey = (signal: BlockListSignal) => `${signal.prefix}:sender-blocks:version`;

/**
 * The block list as the intake checks it on every inbound message: held in memory and read again from the database
 * only when the list's version in Redis changed (a block or unblock anywhere), or when Redis lost it. One GET per
 * message instead of a database round trip (4,200 of them for 200 reports, measured). An expired block no longer
 * counts (no TTL index on FerretDB).
 */
export function createSenderBlockList(signal: BlockListSignal) {
  let held: { version: string | null; until: Map<string, Date> } | undefined;
  let loading: Promise<NonNullable<typeof held>> | undefined;
  const load = async (version: string | null) => {
    const blocks = await SenderBlockModel.find({}, { _id: 1, expiresAt: 1 }).lean();
    return { version, until: new Map(blocks.map((b) => [b._id, b.expiresAt])) };
  };
  return {
    async isBlocked(reporterHash: string, now: Date): Promise<boolean> {
      const version = await signal.redis.get(versionKey(signal));
      if (!held || held.version !== version) {
        // One reload however many messages notice the change at once.
        loading ??= load(version).finally(() => (loading = undefined));
        held = await loading;
      }
      const until = held.until.get(reporterHash);
      return Boolean(until && until > now);
    },
  };
}
export type SenderBlockList = ReturnType<typeof createSenderBlockList>;

export async function blockSender(
  reporterHash: string,
  input: { reason: string; days: number; ticket: string },
  actor: Actor,
  signal: BlockListSignal,
) {
  const expiresAt = new Date(Date.now() + Math.min(input.days, MAX_BLOCK_DAYS) * 86_400_000);
  await SenderBlockModel.updateOne(
    { _id: reporterHash },
    { $set: { reason: input.reason, expiresAt, by: actor.id, at: new Date() } },
    { upsert: true },
  );
  await signal.redis.incr(versionKey(signal));
  await recordAuditEvent(actor, { action: 'sender.block', subjectType: 'sender', subjectId: reporterHash.slice(0, 16), reason: input.reason, details: { ticket: input.ticket, expiresAt: expiresAt.toISOString() } });
  return expiresAt;
}

export async function unblockSender(reporterHash: string, reason: string, actor: Actor, signal: BlockListSignal, ticket?: string): Promise<boolean> {
  const removed = await SenderBlockModel.deleteOne({ _id: reporterHash });
  await signal.redis.incr(versionKey(signal));
  if (removed.deletedCount) {
    await recordAuditEvent(actor, { action: 'sender.unblock', subjectType: 'sender', subjectId: reporterHash.slice(0, 16), reason, details: { ticket } });
  }
  return removed.deletedCount > 0;
}

/** The sender's block if it holds now, read from the database (the admin panel; the intake uses createSenderBlockList). */
export async function activeBlockFor(reporterHash: string, now = new Date()) {
  const block = await SenderBlockModel.findById(reporterHash).lean();
  return block && block.expiresAt > now ? block : null;
}
