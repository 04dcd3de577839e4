import { randomUUID } from 'node:crypto';
import { Schema, model, type InferSchemaType, type HydratedDocument } from 'mongoose';
import {
  AGE_BANDS, CATEGORIES, CHANNELS, CONTACT_METHODS, DANGER_ANSWERS, PERPETRATOR_RELATIONS, PLACE_TYPES, PRIORITIES,
  REPORTER_ROLES, REPORT_STATUSES, SEXES,
} from '../../reports/report-vocabulary';
import { mediaSchema } from './media.schema';

// A Report (Pengaduan) exists only once the reporter confirmed it and this document was written.
// Fields marked (enc) hold FieldCipher output, never plaintext.


const eventSchema = new Schema(
  {
    type: { type: String, required: true }, // e.g. status, reveal, reply, note
    from: String,
    to: String,
    actor: { type: String, required: true }, // user id, or "system" / "reporter"
    reason: String,
    at: { type: Date, required: true, default: () => new Date() },
  },
  { _id: false },
);

const reportSchema = new Schema(
  {
    ticket: { type: String, required: true },
    /** storeReport's idempotency key (`draft:<draft id>` from the chat intake; random for walk-ins); `_id` is derived from it. */
    intakeKey: { type: String, required: true, default: () => `new:${randomUUID()}` },
    status: { type: String, enum: REPORT_STATUSES, required: true, default: 'received' },
    channel: { type: String, enum: CHANNELS, required: true },
    language: { type: String, enum: ['id', 'en'], default: 'id' },

    /** Keyed hash of channel + chat id: finds a reporter's own reports without storing the id. */
    reporterHash: { type: String, required: true },
    anonymous: { type: Boolean, required: true },
    /** (enc) where staff replies go; absent for anonymous reporters. */
    replyAddress: String,
    reporterRole: { type: String, enum: REPORTER_ROLES },
    reporterName: String, // (enc)
    contactMethod: { type: String, enum: CONTACT_METHODS, default: 'none' },
    contactPhone: String, // (enc)

    immediateDanger: { type: String, enum: DANGER_ANSWERS, default: 'unknown' },
    category: { type: String, enum: CATEGORIES, required: true },
    description: String, // (enc)
    child: {
      ageBand: { type: String, enum: AGE_BANDS, default: 'unknown' },
      age: Number,
      sex: { type: String, enum: SEXES, default: 'unknown' },
      name: String, // (enc)
    },
    perpetratorRelation: { type: String, enum: PERPETRATOR_RELATIONS, default: 'not_said' },
    location: {
      kecamatan: String,
      desa: String, // (enc)
      placeType: { type: String, enum: PLACE_TYPES },
      exact: String, // (enc) "lat,lon" when shared
    },
    occurredWhen: String, // (enc) in the reporter's words
    ongoing: { type: Boolean },
    media: { type: [mediaSchema], default: [] },

    priority: { type: String, enum: PRIORITIES },
    triageReasons: { type: [String], default: [] },
    triageVersion: String,
    /** "Perlu triase manual": automatic triage failed for good; queued as P2 for a person to triage (sendToManualTriage). */
    needsManualTriage: Boolean,
    slaDueAt: Date,
    possibleDuplicates: { type: [Schema.Types.ObjectId], default: [] },
    /** Set by the SLA watch: `near` when under a quarter of the SLA remains, `breached` once past it. */
    slaFlag: { type: String, enum: ['near', 'breached'] },

    claimedBy: String,
    claimedAt: Date,
    caseId: Schema.Types.ObjectId,
    receivedAt: { type: Date, required: true, default: () => new Date() },
    triagedAt: Date,
    queuedAt: Date,
    events: { type: [eventSchema], default: [] },
    /** Bumped by every change; each revision can be left by one writer only (src/db/contested-write.ts). */
    revision: { type: Number, default: 0 },
  },
  { timestamps: true },
);

// Ticket look-up by staff and reporters; unique so two reports can never share a ticket.
reportSchema.index({ ticket: 1 }, { unique: true });
// `status` for a reporter lists their own reports.
reportSchema.index({ reporterHash: 1, receivedAt: -1 });
// The intake queue and the sweeper (reports left in `received`).
reportSchema.index({ status: 1, priority: 1, slaDueAt: 1 });
// findPossibleDuplicates: the same child's age band, kecamatan and category within 14 days.
reportSchema.index({ 'location.kecamatan': 1, category: 1, receivedAt: -1 });

export type Report = InferSchemaType<typeof reportSchema>;
export type ReportDocument = HydratedDocument<Report>;
export const ReportModel = model('Report', reportSchema);
