import { Schema, model, type InferSchemaType } from 'mongoose';

// Who did what to which record, when and why. Append-only: nothing in the code updates or deletes these.
const auditEventSchema = new Schema({
  at: { type: Date, required: true, default: () => new Date() },
  actorId: { type: String, required: true }, // user id, or "system"
  actorName: { type: String, required: true },
  actorRole: { type: String, required: true },
  action: { type: String, required: true }, // e.g. report.reveal, report.status, case.transition, export.csv
  subjectType: { type: String, required: true }, // report | case | user | partner | sender | export
  subjectId: { type: String, required: true },
  reason: String,
  /** Small, non-personal facts: from/to status, ticket, case number, fields revealed. */
  details: { type: Schema.Types.Mixed, default: {} },
});

// The audit viewer: newest first, filtered by actor, action or subject (listAuditEvents).
auditEventSchema.index({ at: -1 });
auditEventSchema.index({ actorId: 1, at: -1 });
auditEventSchema.index({ subjectType: 1, subjectId: 1, at: -1 });

export type AuditEvent = InferSchemaType<typeof auditEventSchema>;
export const AuditEventModel = model('AuditEvent', auditEventSchema);
