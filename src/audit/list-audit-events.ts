import { AuditEventModel } from '../db/models/audit-event.model';

export interface AuditFilter {
  actorId?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: Date;
  to?: Date;
}

/** Newest first. Filter values are plain strings (validated by the caller), never query objects. */
export async function listAuditEvents(filter: AuditFilter, limit = 200) {
  const query: Record<string, unknown> = {};
  if (filter.actorId) query.actorId = filter.actorId;
  if (filter.action) query.action = filter.action;
  if (filter.subjectType) query.subjectType = filter.subjectType;
  if (filter.subjectId) query.subjectId = filter.subjectId;
  if (filter.from || filter.to) {
    query.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) };
  }
  return AuditEventModel.find(query).sort({ at: -1 }).limit(limit).lean();
}
