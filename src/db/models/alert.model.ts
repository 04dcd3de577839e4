import { Schema, model, type InferSchemaType, type HydratedDocument } from 'mongoose';
import { STAFF_ROLES } from '../../users/roles';
import { ALERT_CHANNELS, ALERT_ROLES } from './on-call-shift.model';

// One message to one person about one subject. The idempotency key makes a retried job find the alert it already
// made instead of making a second; `sentAt` makes a retried send a no-op. The text carries no personal data.

const alertSchema = new Schema(
  {
    /** e.g. "report-<id>-L0", "draft-<id>-L1", "sla-<runId>". */
    idempotencyKey: { type: String, required: true },
    /** What the alert is about, shared by its escalations: "report-<id>", "draft-<id>", "sla". */
    subject: { type: String, required: true },
    kind: { type: String, enum: ['report', 'urgent_draft', 'sla', 'case', 'reporter_message'], required: true },
    /** For `case` alerts: the case the staff member is told about (a case manager's own alerts). */
    caseId: Schema.Types.ObjectId,
    reportId: Schema.Types.ObjectId,
    level: { type: Number, required: true, min: 0, max: 2 },
    recipientUserId: String,
    // On-call escalation uses ALERT_ROLES; case alerts go to whoever works the case (any staff role).
    recipientRole: { type: String, enum: [...new Set([...ALERT_ROLES, ...STAFF_ROLES])], required: true },
    channel: { type: String, enum: ALERT_CHANNELS },
    address: String, // (enc)
    text: { type: String, required: true },
    /** `text` in one line, for a message that carries several alerts to one person. */
    summary: String,
    status: { type: String, enum: ['pending', 'sent', 'no_recipient', 'failed'], required: true, default: 'pending' },
    sentAt: Date,
    acknowledgedAt: Date,
    acknowledgedBy: String,
    lastError: String,
  },
  { timestamps: true },
);

// createAlert: one alert per key, however often its job runs.
alertSchema.index({ idempotencyKey: 1 }, { unique: true });
// escalateAlert: is any alert of this subject acknowledged?
alertSchema.index({ subject: 1, acknowledgedAt: 1 });

export type Alert = InferSchemaType<typeof alertSchema>;
export type AlertDocument = HydratedDocument<Alert>;
export const AlertModel = model('Alert', alertSchema);
