import { AuditEventModel } from '../db/models/audit-event.model';

export interface Actor {
  id: string;
  name: string;
  role: string;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'system', role: 'system' };

export interface AuditEntry {
  action: string;
  subjectType: 'report' | 'case' | 'user' | 'partner' | 'sender' | 'export' | 'retention' | 'queue' | 'channel';
  subjectId: string;
  reason?: string;
  details?: Record<string, unknown>;
}

/** Writes one audit event. Details must hold no personal data (ids, statuses, field names only). */
export async function recordAuditEvent(actor: Actor, entry: AuditEntry): Promise<void> {
  await AuditEventModel.create({
    actorId: actor.id,
    actorName: actor.name,
    actorRole: actor.role,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    reason: entry.reason,
    details: entry.details ?? {},
  });
}
