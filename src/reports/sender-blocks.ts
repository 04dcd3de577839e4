import { recordAuditEvent, type Actor } from '../audit/record-audit-event';
import { SenderBlockModel } from '../db/models/sender-block.model';

export const MAX_BLOCK_DAYS = 365;

/** For the intake: is this sender blocked right now? An expired block no longer counts (no TTL index on FerretDB). */
export async function isSenderBlocked(reporterHash: string, now = new Date()): Promise<boolean> {
  return Boolean(await SenderBlockModel.exists({ reporterHash, expiresAt: { $gt: now } }));
}

export async function blockSender(reporterHash: string, input: { reason: string; days: number; ticket: string }, actor: Actor) {
  const expiresAt = new Date(Date.now() + Math.min(input.days, MAX_BLOCK_DAYS) * 86_400_000);
  await SenderBlockModel.findOneAndUpdate(
    { reporterHash },
    { $set: { reason: input.reason, expiresAt, by: actor.id, at: new Date() } },
    { upsert: true },
  );
  await recordAuditEvent(actor, { action: 'sender.block', subjectType: 'sender', subjectId: reporterHash.slice(0, 16), reason: input.reason, details: { ticket: input.ticket, expiresAt: expiresAt.toISOString() } });
  return expiresAt;
}

export async function unblockSender(reporterHash: string, reason: string, actor: Actor, ticket?: string): Promise<boolean> {
  const removed = await SenderBlockModel.deleteOne({ reporterHash });
  if (removed.deletedCount) {
    await recordAuditEvent(actor, { action: 'sender.unblock', subjectType: 'sender', subjectId: reporterHash.slice(0, 16), reason, details: { ticket } });
  }
  return removed.deletedCount > 0;
}

export async function activeBlockFor(reporterHash: string) {
  return SenderBlockModel.findOne({ reporterHash, expiresAt: { $gt: new Date() } }).lean();
}
